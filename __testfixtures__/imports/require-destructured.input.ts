const { WebSocketManager, AGENT_EVENT_TYPES } = require('./lib/websocket_manager');

export const manager = new WebSocketManager();
export const events = AGENT_EVENT_TYPES;
