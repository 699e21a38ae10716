import legacy = require('./lib/websocket_manager');

export const manager = new legacy.WebSocketManager();
