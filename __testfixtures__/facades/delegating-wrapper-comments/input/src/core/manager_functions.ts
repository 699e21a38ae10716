import { UnifiedWebSocketManager } from './unified_manager';

export function sendToUser(manager: UnifiedWebSocketManager, message: string, userId: string): void {
  return manager.sendMessage(userId, message);
}
