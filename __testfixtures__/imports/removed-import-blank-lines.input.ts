import { createWebSocketManager } from './lib/unified_manager';

import { WebSocketManager } from './lib/websocket_manager';

export const managers = [new WebSocketManager(), createWebSocketManager('user-1')];
