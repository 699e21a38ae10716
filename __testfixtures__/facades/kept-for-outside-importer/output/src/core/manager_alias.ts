export { UnifiedWebSocketManager as WebSocketManager, createWebSocketManager } from './unified_manager';
