import { makeContext } from './context';
import { Manager } from './manager';

export function greet(userId: string): string {
  const ctx = makeContext(userId, 'main');
  return Manager.getInstance().send(`hi ${ctx.userId}`);
}
