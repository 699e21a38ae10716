import Manager from './core/default_manager';
import { NamedManager } from './core/named_manager';

export function start(userId: string): NamedManager {
  const manager = new Manager({ userId });
  manager.sendMessage(userId, 'started');
  return manager;
}
