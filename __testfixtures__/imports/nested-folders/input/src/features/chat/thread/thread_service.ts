import { WebSocketManager } from '../../../core/websocket_manager';

export const threads = new WebSocketManager();
