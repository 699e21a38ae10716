import { makeContext } from './context';
import { createManager } from './manager';

export function isolated(userId: string): boolean {
  const ctxA = makeContext(userId, 'thread-a');
  const ctxB = makeContext(userId, 'thread-b');
  const managerA = createManager(ctxA);
  const managerB = createManager(ctxB);
  return managerA !== managerB;
}
