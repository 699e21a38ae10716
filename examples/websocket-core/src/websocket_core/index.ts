// Public surface of websocket_core.
export * from './unified_manager';
export { WebSocketManager, getWebSocketManager, WebSocketManagerFactory } from './websocket_manager';
export type { WebSocketManagerInterface } from './websocket_manager';
export { ConnectionManager } from './connection_manager';
export { getManager } from './deprecated_manager';
export { WebSocketManagerFactoryV2 } from './websocket_manager_factory';
export { ReadyState, isOpen } from './socket';
export type { WebSocketLike } from './socket';
