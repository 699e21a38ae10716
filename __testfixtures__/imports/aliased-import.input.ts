import { WebSocketManager as WSM, AGENT_EVENT_TYPES as EVENTS } from './lib/websocket_manager';

export const manager = new WSM();
export const events = EVENTS;
