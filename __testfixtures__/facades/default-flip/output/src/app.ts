import NamedManager, { UnifiedWebSocketManager as Manager } from './core/unified_manager';

export function start(userId: string): NamedManager {
  const manager = new Manager({ userId });
  manager.sendMessage(userId, 'started');
  return manager;
}
