import { UnifiedWebSocketManager as WebSocketManager } from './lib/unified_manager.js';

export const manager = new WebSocketManager();
