import type { UserContext } from './context';
import { ManagerAlias } from './legacy';

export function open(context: UserContext): string {
  return new ManagerAlias(context).send('hello');
}
