// Migrated away from './lib/websocket_manager' in the previous release.
const message = 'see ./lib/websocket_manager for the old API';
const template = `legacy path: lib/websocket_manager`;

export { message, template };
