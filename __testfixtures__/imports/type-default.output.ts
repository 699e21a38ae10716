import { createWebSocketManager } from './lib/unified_manager';
import type { UnifiedWebSocketManager as Manager } from './lib/unified_manager';

export const manager: Manager = createWebSocketManager('user-1');
