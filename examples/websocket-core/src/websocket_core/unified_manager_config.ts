// Tuning constants for the WebSocket layer. Not a manager; just numbers.

export const MAX_CONNECTIONS_PER_USER = 8;
export const HEARTBEAT_INTERVAL_MS = 30_000;
export const HEARTBEAT_TIMEOUT_MS = 75_000;
export const MAX_FRAME_BYTES = 256 * 1024;
export const CLOSE_REASON_SHUTDOWN = 'server shutting down';
