import { type WebSocketManagerInterface, WebSocketManager } from './lib/websocket_manager';

export const manager: WebSocketManagerInterface = new WebSocketManager();
