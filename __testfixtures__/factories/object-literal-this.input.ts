import type { UserContext } from './context';
import { Manager } from './manager';

export class Sender {
  constructor(private readonly ctx: UserContext) {}

  handlers(): { send(text: string): string } {
    // `this` in an object literal's method is the object, not the Sender.
    return {
      send(text: string): string {
        return Manager.getInstance().send(text);
      },
    };
  }
}
