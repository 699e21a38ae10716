import type { UserContext } from './context';
import { getManager } from './other';

export function label(ctx: UserContext): string {
  return getManager(ctx.userId);
}
