import type { WebSocketManagerProtocol as ManagerProtocol } from './core/unified_manager';
import { type UserContext } from './core/unified_manager';

export function send(manager: ManagerProtocol, context: UserContext): void {
  const text = `hi ${context.userId}`;
  manager.sendMessage(context.userId, text);
}
