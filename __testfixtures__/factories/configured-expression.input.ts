import type { UserContext } from './context';
import { Manager } from './manager';

interface Request {
  path: string;
  userContext: UserContext;
}

export function handle(req: Request): string {
  return Manager.getInstance().send(req.path);
}
