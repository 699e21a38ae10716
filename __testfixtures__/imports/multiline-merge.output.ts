import {
  createWebSocketManager,
  AGENT_EVENT_TYPES,
  UnifiedWebSocketManager as WebSocketManager,
} from './lib/unified_manager';
// Still named after the facade.

export const managers = [new WebSocketManager(), createWebSocketManager('user-1'), AGENT_EVENT_TYPES];
