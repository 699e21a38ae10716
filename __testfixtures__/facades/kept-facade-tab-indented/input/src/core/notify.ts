import type { UnifiedWebSocketManager } from './unified_manager';

/** @deprecated call manager.sendMessage */
export function notifyUser(manager: UnifiedWebSocketManager, userId: string, message: string): void {
  manager.sendMessage(userId, message);
}
