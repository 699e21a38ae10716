export { UnifiedWebSocketManager as WebSocketManager, AGENT_EVENT_TYPES as EVENTS } from './lib/unified_manager';
export type { WebSocketManagerProtocol as WebSocketManagerInterface } from './lib/unified_manager';
