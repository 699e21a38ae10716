import { randomUUID } from 'node:crypto';

/** Short prefixed id, e.g. `conn_3f9a1c2e`. Enough entropy for in-process maps and logs. */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

export function isPrefixedId(value: string, prefix: string): boolean {
  return value.startsWith(`${prefix}_`) && value.length > prefix.length + 1;
}
