import { WebSocketManager } from './core/manager_alias';
import { LegacyManager, makeManager } from './core/renamed';

export function start(userId: string): WebSocketManager {
  const first = new WebSocketManager({ userId });
  const second: LegacyManager = makeManager({ userId });
  return first.context.userId === second.context.userId ? first : second;
}
