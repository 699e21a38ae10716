import { createWebSocketManager, UnifiedWebSocketManager } from './core/unified_manager';
import type { WebSocketManagerProtocol } from './core/unified_manager';

export function start(userId: string): WebSocketManagerProtocol {
  const manager: UnifiedWebSocketManager = createWebSocketManager({ userId });
  return manager;
}
