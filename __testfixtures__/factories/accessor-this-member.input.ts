import type { UserContext } from './context';
import { getManager } from './legacy';

export class Notifier {
  constructor(private readonly ctx: UserContext) {}

  notify(text: string): string {
    return getManager(this.ctx.userId, this.ctx.threadId).send(text);
  }
}
