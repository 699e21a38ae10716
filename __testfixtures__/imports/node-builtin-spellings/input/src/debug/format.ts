import { inspect, isDeepStrictEqual } from 'node:util';

/** Every value the logs print goes through here, so depth and colours are set once. */
export function inspectValue(value: unknown): string {
  return inspect(value, { depth: 4, colors: false });
}

export function deepEqual(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b);
}
