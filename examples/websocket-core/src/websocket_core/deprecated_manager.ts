import type { UserExecutionContext } from '../context/user_execution_context';
import { warnOnce } from '../utils/logger';
import { createWebSocketManager, type UnifiedWebSocketManager } from './unified_manager';

/** @deprecated use createWebSocketManager(userContext) from unified_manager */
export function getManager(ctx: UserExecutionContext): UnifiedWebSocketManager {
  warnOnce('deprecated_manager.getManager', 'getManager() is deprecated, use createWebSocketManager(userContext)');
  return createWebSocketManager(ctx);
}
