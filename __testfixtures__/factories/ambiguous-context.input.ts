import type { UserContext } from './context';
import { Manager } from './manager';

export function relay(from: UserContext, to: UserContext): string {
  return Manager.getInstance().send(`${from.userId} -> ${to.userId}`);
}
