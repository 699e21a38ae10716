import { UnifiedWebSocketManager as WSM, AGENT_EVENT_TYPES as EVENTS } from './lib/unified_manager';

export const manager = new WSM();
export const events = EVENTS;
