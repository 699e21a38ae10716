import { getManager } from './legacy';

export function probe(userId: string): string {
  return getManager(userId).send('ping');
}
