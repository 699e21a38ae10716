import { sendToUser } from './core/manager_functions';
import type { UnifiedWebSocketManager } from './core/unified_manager';

export function greet(manager: UnifiedWebSocketManager, userId: string): void {
  sendToUser(
    manager,
    'hello' /* greeting */,
    userId, // who gets it
  );
  sendToUser(manager, /* inline */ 'bye', userId);
  if (userId) {
    sendToUser(
      // who hears it
      manager,
      'again',
      userId, // last
    );
  }
}
