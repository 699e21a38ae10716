import { createWebSocketManager } from './lib/unified_manager';
// IMPORTANT: the facade class is still needed by the admin console.
import { WebSocketManager } from './lib/websocket_manager'; // legacy facade

export const managers = [new WebSocketManager(), createWebSocketManager('user-1')];
