import { makeContext } from './context';
import { createManager } from './manager';

export function greet(userId: string): string {
  const ctx = makeContext(userId, 'main');
  return createManager(ctx).send(`hi ${ctx.userId}`);
}
