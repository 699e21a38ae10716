import type { UserContext } from './context';
import { Manager, createManager } from './manager';

// Both branches become the factory call: the condition no longer decides anything.
export function managerFor(ctx: UserContext): Manager {
  return createManager(ctx);
}
