import { createWebSocketManager } from './index';
import { WebSocketManager } from './public_api';
import { UnifiedWebSocketManager } from './core/internal_barrel';

export function start(userId: string): WebSocketManager {
  const manager: UnifiedWebSocketManager = createWebSocketManager({ userId });
  return manager;
}
