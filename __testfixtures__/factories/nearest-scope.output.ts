import type { UserContext } from './context';
import { createManager } from './manager';

export function outer(ctx: UserContext): (other: UserContext) => string {
  return (other) => createManager(other).send(ctx.userId);
}
