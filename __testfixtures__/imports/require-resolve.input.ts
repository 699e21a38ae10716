declare const require: { resolve(path: string): string };

// Where the module's file is, for a loader that reads it by path.
export const where = require.resolve('./lib/websocket_manager');
