import type { UserContext } from './context';
import { createManager } from './manager';

export function send(ctx: UserContext, text: string): string {
  return createManager(ctx).send(text);
}

export async function sendLater(ctx: UserContext, text: string): Promise<string> {
  // Loaded lazily: the legacy module is heavy.
  return createManager(ctx).send(text);
}
