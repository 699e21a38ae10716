export { UnifiedWebSocketManager, createWebSocketManager } from './core/unified_manager';
