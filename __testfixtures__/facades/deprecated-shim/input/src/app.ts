import { getManager } from './core/compat';

export function start(userId: string) {
  const manager = getManager({ userId });
  manager.sendMessage(userId, 'started');
  return manager;
}
