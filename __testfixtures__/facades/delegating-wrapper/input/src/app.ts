import { createManagerForUser, sendToUser } from './core/manager_functions';

export function greet(userId: string): void {
  const manager = createManagerForUser({ userId });
  // Tell the user hello.
  sendToUser(manager, 'hello', userId);
}
