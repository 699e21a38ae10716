export { AGENT_EVENT_TYPES, UnifiedWebSocketManager as WebSocketManager, type WebSocketManagerProtocol as WebSocketManagerInterface, type WebSocketMessage, createWebSocketManager } from './lib/unified_manager';
// Re-exports everything the facade offers.
export * from './lib/websocket_manager';
