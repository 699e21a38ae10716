import type { UnifiedWebSocketManager } from './core/unified_manager';

export function greet(manager: UnifiedWebSocketManager, userId: string): void {
  // the user's manager
  manager.sendMessage(userId, 'hello' /* greeting */);
  manager.sendMessage(userId, /* inline */ 'bye');
  if (userId) {
    // who hears it
    // last
    manager.sendMessage(userId, 'again');
  }
}
