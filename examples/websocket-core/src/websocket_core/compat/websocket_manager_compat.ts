// Names used by the v1 agent SDK. Nothing new should import from here.
export { UnifiedWebSocketManager as CompatWebSocketManager } from '../unified_manager';
export { getWebSocketManager } from '../websocket_manager';
