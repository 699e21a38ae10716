// Starts a manager and counts it.
import * as core from './core';
import { helper } from './helper';

export function start(userId: string): core.UnifiedWebSocketManager {
  core.countStart();
  return core.createWebSocketManager({ userId: helper(userId) });
}
