import { WebSocketManager } from './core/websocket_manager';

export const app = new WebSocketManager();
