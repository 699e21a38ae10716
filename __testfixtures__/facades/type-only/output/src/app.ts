import type { WebSocketManagerProtocol as ManagerProtocol, UserContext } from './core/unified_manager';

export function send(manager: ManagerProtocol, context: UserContext): void {
  const text = `hi ${context.userId}`;
  manager.sendMessage(context.userId, text);
}
