import { createWebSocketManager } from './lib/unified_manager';

export const manager = createWebSocketManager('user-1');
