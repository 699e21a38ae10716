import { createWebSocketManager, UnifiedWebSocketManager, type WebSocketManagerProtocol } from './core/unified_manager';

export function start(userId: string): WebSocketManagerProtocol {
  const manager: UnifiedWebSocketManager = createWebSocketManager({ userId });
  return manager;
}
