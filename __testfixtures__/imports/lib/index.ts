export * from './unified_manager';
export { getWebSocketManager } from './websocket_manager';
export { describeManager } from './manager_functions';
