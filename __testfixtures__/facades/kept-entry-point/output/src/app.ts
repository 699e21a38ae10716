import { createWebSocketManager, UnifiedWebSocketManager as WebSocketManager, UnifiedWebSocketManager } from './core/unified_manager';

export function start(userId: string): WebSocketManager {
  const manager: UnifiedWebSocketManager = createWebSocketManager({ userId });
  return manager;
}
