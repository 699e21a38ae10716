import type { UserContext } from './context';

export class Manager {
  private static instance: Manager | undefined;

  constructor(readonly context?: UserContext) {}

  /** The singleton the factory replaces: its own construction is the implementation. */
  static getInstance(): Manager {
    return (Manager.instance ??= new Manager());
  }

  send(text: string): string {
    return `${this.context?.userId ?? 'nobody'}: ${text}`;
  }
}

/** The canonical factory: the one place that may construct a Manager. */
export function createManager(context: UserContext): Manager {
  return new Manager(context);
}
