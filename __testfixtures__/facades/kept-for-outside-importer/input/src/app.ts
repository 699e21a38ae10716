import { createWebSocketManager } from './core/manager_alias';

export function start(userId: string) {
  const manager = createWebSocketManager({ userId });
  manager.sendMessage(userId, 'started');
  return manager;
}
