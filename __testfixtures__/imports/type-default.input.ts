import { createWebSocketManager } from './lib/unified_manager';
import type Manager from './lib/websocket_manager';

export const manager: Manager = createWebSocketManager('user-1');
