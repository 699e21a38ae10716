import { deepEqual as isDeepStrictEqual, inspectValue as show } from '../debug/format';

export function unchanged(before: unknown, after: unknown): string | undefined {
  return isDeepStrictEqual(before, after) ? undefined : show(after);
}
