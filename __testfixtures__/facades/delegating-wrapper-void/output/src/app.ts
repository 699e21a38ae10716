import { createWebSocketManager } from './core/unified_manager';
import type { UnifiedWebSocketManager } from './core/unified_manager';

export function notify(manager: UnifiedWebSocketManager, userId: string): void {
  createWebSocketManager({ userId });
  manager.sendMessage(userId, 'hello');
  void manager.sendMessage(userId, 'bye');
}
