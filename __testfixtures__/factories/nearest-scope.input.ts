import type { UserContext } from './context';
import { Manager } from './manager';

export function outer(ctx: UserContext): (other: UserContext) => string {
  return (other) => Manager.getInstance().send(ctx.userId);
}
