import type { UserContext } from './context';
import { getManager, legacyHelper } from './legacy';
import { createManager } from './manager';

export function forContext(ctx: UserContext): string {
  return createManager(ctx).send(legacyHelper());
}

export function forUser(userId: string): string {
  return getManager(userId).send('no context here');
}
