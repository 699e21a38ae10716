import { createWebSocketManager, AGENT_EVENT_TYPES } from './lib/unified_manager';

export const manager = createWebSocketManager('user-1');
export const events = AGENT_EVENT_TYPES;
