const { WebSocketManager, getWebSocketManager } = require('./lib/websocket_manager');

export const managers = [new WebSocketManager(), getWebSocketManager('user-1')];
