export { UnifiedWebSocketManager as WebSocketManager, createWebSocketManager } from './core/unified_manager';
