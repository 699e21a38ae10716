import { UnifiedWebSocketManager as Manager } from './lib/unified_manager';

export const manager = new Manager();
