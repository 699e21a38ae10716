export { UnifiedWebSocketManager as WebSocketManager } from './core/unified_manager';
