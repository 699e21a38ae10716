import { UnifiedWebSocketManager } from './unified_manager';
export const WebSocketConnectionManager = UnifiedWebSocketManager;
export default UnifiedWebSocketManager;
