import type { UserContext } from './context';
import { createManager } from './manager';
import { getManager, legacyHelper } from './legacy';

export function forContext(ctx: UserContext): string {
  return createManager(ctx).send(legacyHelper());
}

export function forUser(userId: string): string {
  return getManager(userId).send('no context here');
}
