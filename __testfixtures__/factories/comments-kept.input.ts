// Header: this file keeps its comments.
import type { UserContext } from './context';
// The legacy accessor, going away.
import { getManager } from './legacy';

/** Sends on behalf of the user. */
export function send(ctx: UserContext, text: string): string {
  // The manager for this user.
  const manager = getManager(ctx.userId /* the user */, ctx.threadId);
  return manager.send(text); // trailing note
}
