import { UnifiedWebSocketManager as LegacyWebSocketManager, UnifiedWebSocketManager as CompatWebSocketManager } from './core/unified_manager';

export function start(userId: string): LegacyWebSocketManager[] {
  return [new LegacyWebSocketManager({ userId }), new CompatWebSocketManager({ userId })];
}
