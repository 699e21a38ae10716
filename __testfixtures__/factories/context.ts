export interface UserContext {
  readonly userId: string;
  readonly threadId: string;
}

export function makeContext(userId: string, threadId: string): UserContext {
  return { userId, threadId };
}
