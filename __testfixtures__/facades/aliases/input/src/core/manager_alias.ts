import { UnifiedWebSocketManager } from './unified_manager';

/** @deprecated use UnifiedWebSocketManager */
export const WebSocketManager = UnifiedWebSocketManager;
export type WebSocketManager = UnifiedWebSocketManager;
