import { WebSocketManager } from '@core/websocket_manager';

export const chat = new WebSocketManager();
