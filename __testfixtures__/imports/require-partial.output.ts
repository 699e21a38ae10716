const { UnifiedWebSocketManager: WebSocketManager } = require('./lib/unified_manager');
const { getWebSocketManager } = require('./lib/websocket_manager');

export const managers = [new WebSocketManager(), getWebSocketManager('user-1')];
