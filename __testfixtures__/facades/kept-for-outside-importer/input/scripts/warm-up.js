// Run by hand, outside the build: the config's include does not list it.
const { createWebSocketManager } = require('../src/core/manager_alias');

createWebSocketManager({ userId: 'warm-up' }).sendMessage('warm-up', 'ping');
