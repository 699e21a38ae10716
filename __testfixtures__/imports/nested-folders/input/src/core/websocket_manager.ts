export { UnifiedWebSocketManager as WebSocketManager } from './unified_manager';
