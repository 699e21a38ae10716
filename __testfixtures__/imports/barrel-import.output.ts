import { UnifiedWebSocketManager } from './lib/unified_manager';
import { getWebSocketManager, describeManager } from './lib';

export const manager = new UnifiedWebSocketManager();
export const shared = getWebSocketManager('user-1');
export const label = describeManager(manager);
