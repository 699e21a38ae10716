import type { UserContext } from './context';
import { getManager } from './legacy';
import { Manager } from './manager';

// `ctx` at each call below is not the user's context: an inner binding took the name.
export function shadowAny(ctx: UserContext, rows: any[]): string {
  return rows.map((ctx: any) => Manager.getInstance().send(String(ctx))).join();
}

export function shadowNumber(ctx: UserContext, counts: number[]): string {
  return counts.map((ctx) => Manager.getInstance().send(String(ctx))).join();
}

export function shadowArguments(ctx: UserContext, rows: any[]): string {
  return rows.map((ctx: any) => getManager(ctx.userId, ctx.threadId).send('row')).join();
}

export function shadowBlock(context: UserContext): string {
  {
    const context = 'x';
    return Manager.getInstance().send(context);
  }
}

export function shadowCatch(ctx: UserContext): string {
  try {
    return ctx.userId;
  } catch (ctx) {
    return Manager.getInstance().send(String(ctx));
  }
}

export function shadowLater(ctx: UserContext): string {
  {
    const sent = Manager.getInstance().send('early');
    const ctx = sent.length;
    return String(ctx);
  }
}

// The context itself is still used where its name means it.
export function notShadowed(ctx: UserContext, rows: string[]): string {
  const sent = rows.map((row) => Manager.getInstance().send(row)).join();
  return sent + Manager.getInstance().send(ctx.userId);
}
