// Alias kept for code written against the 2023 "connection manager" naming.
import { UnifiedWebSocketManager } from './unified_manager';

export const WebSocketConnectionManager = UnifiedWebSocketManager;
export type WebSocketConnectionManager = UnifiedWebSocketManager;

export { UnifiedWebSocketManager as ManagerImpl };

export default UnifiedWebSocketManager;
