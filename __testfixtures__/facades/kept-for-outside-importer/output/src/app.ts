import { createWebSocketManager } from './core/unified_manager';

export function start(userId: string) {
  const manager = createWebSocketManager({ userId });
  manager.sendMessage(userId, 'started');
  return manager;
}
