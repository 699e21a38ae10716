import { createManager } from './manager';
import type { UserContext } from './context';

export function send(ctx: UserContext, text: string): string {
  return createManager(ctx).send(text);
}

export async function sendLater(ctx: UserContext, text: string): Promise<string> {
  return createManager(ctx).send(text);
}
