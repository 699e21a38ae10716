import { UnifiedWebSocketManager as WebSocketManager, UnifiedWebSocketManager } from '../core/unified_manager.js';

export const routes = [new WebSocketManager(), new UnifiedWebSocketManager()];
