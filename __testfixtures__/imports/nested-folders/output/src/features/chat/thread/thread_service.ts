import { UnifiedWebSocketManager as WebSocketManager } from '../../../core/unified_manager';

export const threads = new WebSocketManager();
