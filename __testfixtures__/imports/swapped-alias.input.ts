import { UnifiedWebSocketManager as WebSocketManager } from './lib/unified_manager';
import { WebSocketManager as UnifiedWebSocketManager } from './lib/websocket_manager';

export const pair = [new WebSocketManager(), new UnifiedWebSocketManager()];
