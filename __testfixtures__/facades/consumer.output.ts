// A consumer of two facades.
import { createWebSocketManager as getWebSocketManager, UnifiedWebSocketManager as WebSocketManager } from './lib/unified_manager';

export function welcome(userId: string): WebSocketManager {
  const manager = getWebSocketManager({ userId });
  manager.sendMessage(userId, 'welcome');
  return manager;
}
