import { fire, startManager } from './core/manager_functions';
import type { UnifiedWebSocketManager } from './core/unified_manager';

export function results(manager: UnifiedWebSocketManager, managers: UnifiedWebSocketManager[], userId: string): void[] {
  const started = startManager({ userId });
  const first = fire(manager, 'hi', userId);
  return [started, first, ...managers.map((each) => fire(each, 'x', userId))];
}
