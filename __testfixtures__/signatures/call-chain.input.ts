import { Reply } from './reply';

export function created(res: Reply, id: string): Reply {
  return res.json({ id }, 201);
}
