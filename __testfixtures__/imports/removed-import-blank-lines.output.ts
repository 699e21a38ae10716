import { createWebSocketManager, UnifiedWebSocketManager as WebSocketManager } from './lib/unified_manager';

export const managers = [new WebSocketManager(), createWebSocketManager('user-1')];
