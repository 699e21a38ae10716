import { newId } from '../utils/ids';

/**
 * Everything a request needs to know about who it runs for. One context per
 * request; managers, bridges and tools are created from it rather than shared.
 */
export interface UserExecutionContext {
  readonly userId: string;
  readonly threadId: string;
  readonly requestId: string;
  readonly runId?: string;
}

export interface ContextInput {
  userId: string;
  threadId?: string;
  requestId?: string;
  runId?: string;
}

export function createUserExecutionContext(input: ContextInput): UserExecutionContext {
  if (!input.userId || !input.userId.trim()) {
    throw new Error('UserExecutionContext requires a non-empty userId');
  }
  return Object.freeze({
    userId: input.userId,
    threadId: input.threadId ?? newId('thread'),
    requestId: input.requestId ?? newId('req'),
    ...(input.runId ? { runId: input.runId } : {}),
  });
}

export function withRun(ctx: UserExecutionContext, runId: string): UserExecutionContext {
  return Object.freeze({ ...ctx, runId });
}

export function sameThread(a: UserExecutionContext, b: UserExecutionContext): boolean {
  return a.userId === b.userId && a.threadId === b.threadId;
}

export function describeContext(ctx: UserExecutionContext): string {
  return `user=${ctx.userId} thread=${ctx.threadId} request=${ctx.requestId}${ctx.runId ? ` run=${ctx.runId}` : ''}`;
}
