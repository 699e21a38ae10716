import { createWebSocketManager, UnifiedWebSocketManager, type UserContext } from './unified_manager';

export function createManagerForUser(context: UserContext): UnifiedWebSocketManager {
  return createWebSocketManager(context);
}

export function sendToUser(manager: UnifiedWebSocketManager, message: string, userId: string): void {
  manager.sendMessage(userId, message);
}
