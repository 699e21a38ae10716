// Starts a manager and counts it.
import { UnifiedWebSocketManager, createWebSocketManager } from './core/unified_manager';
import { countStart } from './core/stats';
import { helper } from './helper';

export function start(userId: string): UnifiedWebSocketManager {
  countStart();
  return createWebSocketManager({ userId: helper(userId) });
}
