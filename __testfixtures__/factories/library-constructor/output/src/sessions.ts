// Sessions are cached for a minute.
import { Cache, version, createCache } from 'cache-lib';

/** Shared by every module that reads sessions. */
export const sessions = createCache<string>({ ttl: 60 /* seconds */ });

export function freshCache(): Cache<string> {
  return createCache<string>();
}

export function describe(): string {
  return `cache-lib ${version()}`;
}
