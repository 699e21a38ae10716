import { makeContext } from './context';
import { Manager, createManager } from './manager';

export const ManagerAlias = Manager;

export function getManager(userId: string, threadId?: string): Manager {
  return createManager(makeContext(userId, threadId ?? 'main'));
}

export function legacyHelper(): string {
  return 'helper';
}
