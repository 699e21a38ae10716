import { createWebSocketManager, UnifiedWebSocketManager as WebSocketManager } from './lib/unified_manager'
import { getWebSocketManager } from './lib/websocket_manager'

export const managers = [new WebSocketManager(), getWebSocketManager('u'), createWebSocketManager('u')]
