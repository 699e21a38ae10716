// Header: this file keeps its comments.
import type { UserContext } from './context';
// The legacy accessor, going away.
import { createManager } from './manager';

/** Sends on behalf of the user. */
export function send(ctx: UserContext, text: string): string {
  // The manager for this user.
  const manager = createManager(ctx);
  return manager.send(text); // trailing note
}
