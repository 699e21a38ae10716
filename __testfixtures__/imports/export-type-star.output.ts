export type {
  AGENT_EVENT_TYPES,
  UnifiedWebSocketManager as WebSocketManager,
  WebSocketManagerProtocol as WebSocketManagerInterface,
  WebSocketMessage,
  createWebSocketManager,
} from './lib/unified_manager';
export type * from './lib/websocket_manager';
