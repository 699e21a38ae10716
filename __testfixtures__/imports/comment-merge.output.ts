// IMPORTANT: the facade class is still needed by the admin console.
import { createWebSocketManager, UnifiedWebSocketManager as WebSocketManager } from './lib/unified_manager'; // legacy facade

export const managers = [new WebSocketManager(), createWebSocketManager('user-1')];
