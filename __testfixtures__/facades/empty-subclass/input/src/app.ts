import { LegacyWebSocketManager } from './core/legacy_manager';
import { CompatWebSocketManager } from './core/compat_manager';

export function start(userId: string): LegacyWebSocketManager[] {
  return [new LegacyWebSocketManager({ userId }), new CompatWebSocketManager({ userId })];
}
