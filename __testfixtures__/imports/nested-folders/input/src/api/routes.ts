import { WebSocketManager } from '../core/websocket_manager.js';
import { UnifiedWebSocketManager } from '../core';

export const routes = [new WebSocketManager(), new UnifiedWebSocketManager()];
