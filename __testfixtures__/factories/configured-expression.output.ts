import type { UserContext } from './context';
import { createManager } from './manager';

interface Request {
  path: string;
  userContext: UserContext;
}

export function handle(req: Request): string {
  return createManager(req.userContext).send(req.path);
}
