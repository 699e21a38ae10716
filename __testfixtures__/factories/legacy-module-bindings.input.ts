import type { UserContext } from './context';
import legacy = require('./legacy');

export function send(ctx: UserContext, text: string): string {
  return legacy.getManager(ctx.userId, ctx.threadId).send(text);
}

export async function sendLater(ctx: UserContext, text: string): Promise<string> {
  // Loaded lazily: the legacy module is heavy.
  const { getManager } = await import('./legacy');
  return getManager(ctx.userId, ctx.threadId).send(text);
}
