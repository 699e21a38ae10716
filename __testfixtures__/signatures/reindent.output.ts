import { Reply } from './reply';

export function listed(res: Reply, ids: string[]): Reply {
  return res.status(200).json({
    ids,
    count: ids.length,
  });
}
