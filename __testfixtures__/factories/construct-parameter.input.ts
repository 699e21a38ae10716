import type { UserContext } from './context';
import { Manager } from './manager';

export function managerFor(ctx: UserContext): Manager['send'] {
  const manager = new Manager();
  return (text) => manager.send(text);
}
