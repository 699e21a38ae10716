import { UnifiedWebSocketManager } from './core/unified_manager';

export function greet(manager: UnifiedWebSocketManager, userIds: string[]): void {
  for (const userId of userIds) {
    if (userId) {
      // The wrapper's multi-line call, at this call's indentation.
      manager.sendMessage(
        userId,
        'hello',
      );
    }
  }
}
