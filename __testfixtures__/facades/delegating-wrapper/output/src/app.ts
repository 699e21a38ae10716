import { createWebSocketManager as createManagerForUser } from './core/unified_manager';

export function greet(userId: string): void {
  const manager = createManagerForUser({ userId });
  // Tell the user hello.
  manager.sendMessage(userId, 'hello');
}
