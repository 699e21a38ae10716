import type { UserContext } from './context';
import { Manager, createManager } from './manager';

export function managerFor(ctx: UserContext): Manager['send'] {
  const manager = createManager(ctx);
  return (text) => manager.send(text);
}
