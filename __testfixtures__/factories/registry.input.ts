import type { UserContext } from './context';
import { Manager, createManager } from './manager';

// One manager per user: the thread is not part of the key.
const managersByUser = new Map<string, Manager>();

export function managerFor(ctx: UserContext): Manager {
  const existing = managersByUser.get(ctx.userId);
  if (existing) return existing;
  const created = createManager(ctx);
  managersByUser.set(ctx.userId, created);
  return created;
}
