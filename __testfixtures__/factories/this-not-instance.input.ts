import type { UserContext } from './context';
import { Manager } from './manager';

function tag(_manager: Manager) {
  return <T>(member: T, _context: ClassMemberDecoratorContext): T => member;
}

export class Notifier {
  // Runs before the constructor has assigned `ctx`: left for a human.
  readonly eager = Manager.getInstance();
  // Runs when called, on an instance that is built.
  readonly later = (): Manager => Manager.getInstance();

  constructor(private readonly ctx: UserContext) {}

  // Runs once, when the class is defined: `this` is not an instance.
  @tag(Manager.getInstance())
  notify(text: string): string {
    return Manager.getInstance().send(text);
  }
}

export function perRequest(ctx: UserContext): object {
  return class {
    readonly eager = Manager.getInstance();

    constructor(private readonly own: UserContext) {}

    // Not in the scope of the parameters of the method it decorates either.
    @tag(Manager.getInstance())
    handle(request: UserContext): string {
      return Manager.getInstance().send(request.userId);
    }

    // `this` is the class here: the function's context is the nearest.
    static {
      Manager.getInstance().send('defined');
    }
  };
}
