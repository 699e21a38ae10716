// Compatibility path kept after the 2023 move.
export { UnifiedWebSocketManager, createWebSocketManager } from './unified_manager';
export type { WebSocketManagerProtocol } from './unified_manager';
