import legacy = require('./lib/unified_manager');

export const manager = new legacy.UnifiedWebSocketManager();
