import type { UserContext } from './context';
import { createManager } from './manager';

export function open(context: UserContext): string {
  return createManager(context).send('hello');
}
