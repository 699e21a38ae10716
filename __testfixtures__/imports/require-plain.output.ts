const legacy = require('./lib/unified_manager');
const Manager = require('./lib/unified_manager').UnifiedWebSocketManager;

export const managers = [new legacy.UnifiedWebSocketManager(), new Manager()];
