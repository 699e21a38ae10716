import { createWebSocketManager, type UnifiedWebSocketManager as Manager } from './lib/unified_manager';

export const manager: Manager = createWebSocketManager('user-1');
