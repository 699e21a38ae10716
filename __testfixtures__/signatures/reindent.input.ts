import { Reply } from './reply';

export function listed(res: Reply, ids: string[]): Reply {
  return res.json(
    {
      ids,
      count: ids.length,
    },
    200,
  );
}
