import { createWebSocketManager, UnifiedWebSocketManager, type UserContext } from './unified_manager';

/** @deprecated call createWebSocketManager */
export function getManager(context: UserContext): UnifiedWebSocketManager {
  console.warn('getManager is deprecated: use createWebSocketManager');
  return createWebSocketManager(context);
}
