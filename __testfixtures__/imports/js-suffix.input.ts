import { WebSocketManager } from './lib/websocket_manager.js';

export const manager = new WebSocketManager();
