// Header: this file keeps its comments.
import type { UserContext } from './context';
import { createManager } from './manager';
// The legacy accessor, going away.

/** Sends on behalf of the user. */
export function send(ctx: UserContext, text: string): string {
  // The manager for this user.
  const manager = createManager(ctx /* the user */);
  return manager.send(text); // trailing note
}
