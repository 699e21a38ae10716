import type { UnifiedWebSocketManager } from './unified_manager';

/** @deprecated call manager.sendMessage */
export function notifyUser(manager: UnifiedWebSocketManager, userId: string, message: string): void {
  console.warn('notifyUser is deprecated');
  manager.sendMessage(userId, message);
}
