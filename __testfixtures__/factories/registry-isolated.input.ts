import type { UserContext } from './context';
import { Manager, createManager } from './manager';

// Keyed by user and thread: nothing is shared between threads.
const managers = new Map<string, Manager>();

export function managerFor(ctx: UserContext): Manager {
  const key = `${ctx.userId}:${ctx.threadId}`;
  const existing = managers.get(`${ctx.userId}:${ctx.threadId}`);
  if (existing) return existing;
  const created = createManager(ctx);
  managers.set(`${ctx.userId}:${ctx.threadId}`, created);
  return key ? created : created;
}
