import type { ManagerProtocol } from './core/types';
import { type UserContext } from './core/types';

export function send(manager: ManagerProtocol, context: UserContext): void {
  const text = `hi ${context.userId}`;
  manager.sendMessage(context.userId, text);
}
