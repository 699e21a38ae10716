// Re-export point for packages that could not reach unified_manager directly.
export { UnifiedWebSocketManager, createWebSocketManager } from './unified_manager';
export type { WebSocketMessage } from './unified_manager';
