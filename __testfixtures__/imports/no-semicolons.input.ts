import { createWebSocketManager } from './lib/unified_manager'
import { WebSocketManager, getWebSocketManager } from './lib/websocket_manager'

export const managers = [new WebSocketManager(), getWebSocketManager('u'), createWebSocketManager('u')]
