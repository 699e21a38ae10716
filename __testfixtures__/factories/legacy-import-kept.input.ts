import type { UserContext } from './context';
import { getManager, legacyHelper } from './legacy';

export function forContext(ctx: UserContext): string {
  return getManager(ctx.userId).send(legacyHelper());
}

export function forUser(userId: string): string {
  return getManager(userId).send('no context here');
}
