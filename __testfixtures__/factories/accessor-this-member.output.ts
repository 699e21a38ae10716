import type { UserContext } from './context';
import { createManager } from './manager';

export class Notifier {
  constructor(private readonly ctx: UserContext) {}

  notify(text: string): string {
    return createManager(this.ctx).send(text);
  }
}
