import { WebSocketManager } from '@lib/websocket_manager';

export const manager = new WebSocketManager();
