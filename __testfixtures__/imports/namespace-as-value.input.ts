import * as legacy from './lib/websocket_manager';

// The namespace object itself is handed on: no safe rebinding exists.
export const registry = { legacy };
