const legacy = require('./lib/websocket_manager');
const Manager = require('./lib/websocket_manager').WebSocketManager;

export const managers = [new legacy.WebSocketManager(), new Manager()];
