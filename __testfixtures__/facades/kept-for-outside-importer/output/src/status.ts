import { createWebSocketManager as createManager } from './core/unified_manager';

export const statusManager = createManager({ userId: 'status' });
