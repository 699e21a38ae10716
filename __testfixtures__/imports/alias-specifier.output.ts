import { UnifiedWebSocketManager as WebSocketManager } from '@lib/unified_manager';

export const manager = new WebSocketManager();
