import { fire, startManager } from './core/manager_functions';
import type { UnifiedWebSocketManager } from './core/unified_manager';

export function notify(manager: UnifiedWebSocketManager, userId: string): void {
  startManager({ userId });
  fire(manager, 'hello', userId);
  void fire(manager, 'bye', userId);
}
