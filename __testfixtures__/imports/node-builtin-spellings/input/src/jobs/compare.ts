import { isDeepStrictEqual } from 'util';
import { inspect as show } from 'node:util';

export function unchanged(before: unknown, after: unknown): string | undefined {
  return isDeepStrictEqual(before, after) ? undefined : show(after);
}
