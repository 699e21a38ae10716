/**
 * Connection handling for the chat service.
 * Previously wired through ./lib/websocket_manager (see the migration guide).
 */
// The facade import below is the last one in this file.
import { WebSocketManager } from './lib/websocket_manager'; // legacy facade
import { createWebSocketManager } from './lib/unified_manager';

/* keep me */
export const managers = [new WebSocketManager(), createWebSocketManager('user-1')];
