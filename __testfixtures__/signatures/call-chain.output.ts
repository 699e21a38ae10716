import { Reply } from './reply';

export function created(res: Reply, id: string): Reply {
  return res.status(201).json({ id });
}
