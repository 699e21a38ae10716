import { UnifiedWebSocketManager as WebSocketManager, UnifiedWebSocketManager } from './lib/unified_manager';

export const pair = [new WebSocketManager(), new UnifiedWebSocketManager()];
