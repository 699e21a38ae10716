// Starts a manager and counts it.
import { UnifiedWebSocketManager, createWebSocketManager } from './core/unified_manager';
import * as stats from './core/stats';
import { helper } from './helper';

export function start(userId: string): UnifiedWebSocketManager {
  stats.countStart();
  return createWebSocketManager({ userId: helper(userId) });
}
