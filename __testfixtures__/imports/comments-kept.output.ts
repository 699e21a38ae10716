/**
 * Connection handling for the chat service.
 * Previously wired through ./lib/websocket_manager (see the migration guide).
 */
// The facade import below is the last one in this file.
import { createWebSocketManager, UnifiedWebSocketManager as WebSocketManager } from './lib/unified_manager'; // legacy facade

/* keep me */
export const managers = [new WebSocketManager(), createWebSocketManager('user-1')];
