import { createWebSocketManager, UnifiedWebSocketManager, type UserContext } from './unified_manager';

export function startManager(context: UserContext): void {
  createWebSocketManager(context);
}

export function fire(manager: UnifiedWebSocketManager, message: string, userId: string): void {
  manager.sendMessage(userId, message);
}
