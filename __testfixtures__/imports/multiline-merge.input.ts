import {
  createWebSocketManager,
  AGENT_EVENT_TYPES,
} from './lib/unified_manager';
// Still named after the facade.
import { WebSocketManager } from './lib/websocket_manager';

export const managers = [new WebSocketManager(), createWebSocketManager('user-1'), AGENT_EVENT_TYPES];
