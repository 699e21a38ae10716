import { createWebSocketManager, UnifiedWebSocketManager } from './core/outer';
import type { WebSocketManagerProtocol } from './core/barrel';

export function start(userId: string): WebSocketManagerProtocol {
  const manager: UnifiedWebSocketManager = createWebSocketManager({ userId });
  return manager;
}
