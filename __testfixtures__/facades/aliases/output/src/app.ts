import { UnifiedWebSocketManager as WebSocketManager, UnifiedWebSocketManager as LegacyManager, createWebSocketManager as makeManager } from './core/unified_manager';

export function start(userId: string): WebSocketManager {
  const first = new WebSocketManager({ userId });
  const second: LegacyManager = makeManager({ userId });
  return first.context.userId === second.context.userId ? first : second;
}
