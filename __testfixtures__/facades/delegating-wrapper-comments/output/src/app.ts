import type { UnifiedWebSocketManager } from './core/unified_manager';

export function greet(manager: UnifiedWebSocketManager, userId: string): void {
  manager.sendMessage(userId, 'hello' /* greeting */); // who gets it
  manager.sendMessage(userId, /* inline */ 'bye');
  if (userId) {
    // who hears it
    manager.sendMessage(userId, 'again'); // last
  }
}
