import { createWebSocketManager as getManager } from './core/unified_manager';

export function start(userId: string) {
  const manager = getManager({ userId });
  manager.sendMessage(userId, 'started');
  return manager;
}
