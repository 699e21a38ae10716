import { getWebSocketManager } from './lib/websocket_manager';
import { UnifiedWebSocketManager as WebSocketManager, createWebSocketManager } from './lib/unified_manager';

export const managers = [new WebSocketManager(), getWebSocketManager('user-1'), createWebSocketManager('user-2')];
