import { makeContext } from './context';
import { getManager } from './legacy';

export function isolated(userId: string): boolean {
  const ctxA = makeContext(userId, 'thread-a');
  const ctxB = makeContext(userId, 'thread-b');
  const managerA = getManager(ctxA.userId, ctxA.threadId);
  const managerB = getManager(ctxB.userId, ctxB.threadId);
  return managerA !== managerB;
}
