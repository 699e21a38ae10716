import type { UserContext } from './context';
import { Manager } from './manager';

/** A compatibility subclass: phase 2 removes it; until then constructing it is a manager too. */
class CompatManager extends Manager {}

export function connect(context: UserContext): string {
  return new CompatManager(context).send('hello');
}
