// Names of the v1 SDK.
export { UnifiedWebSocketManager as CompatWebSocketManager } from './unified_manager';
export { getWebSocketManager } from './registry';
