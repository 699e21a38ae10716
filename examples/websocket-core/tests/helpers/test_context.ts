import { createUserExecutionContext, type UserExecutionContext } from '../../src/context/user_execution_context';

let counter = 0;

/** A user id no other test in this worker has used, so shared registries stay clean. */
export function uniqueUserId(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

export function contextFor(userId: string, threadId = 'thread-main', overrides: Partial<UserExecutionContext> = {}): UserExecutionContext {
  return createUserExecutionContext({ userId, threadId, requestId: `req-${userId}-${threadId}`, ...overrides });
}
