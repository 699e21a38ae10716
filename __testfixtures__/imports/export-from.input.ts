export { WebSocketManager, AGENT_EVENT_TYPES as EVENTS } from './lib/websocket_manager';
export type { WebSocketManagerInterface } from './lib/websocket_manager';
