// Re-exports everything the facade offers.
export {
  AGENT_EVENT_TYPES,
  UnifiedWebSocketManager as WebSocketManager,
  type WebSocketManagerProtocol as WebSocketManagerInterface,
  type WebSocketMessage,
  createWebSocketManager,
} from './lib/unified_manager';
export * from './lib/websocket_manager';
