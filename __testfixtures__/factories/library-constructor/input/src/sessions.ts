// Sessions are cached for a minute.
import { Cache, version } from 'cache-lib';

/** Shared by every module that reads sessions. */
export const sessions = new Cache<string>({ ttl: 60 /* seconds */ });

export function freshCache(): Cache<string> {
  return new Cache<string>();
}

export function describe(): string {
  return `cache-lib ${version()}`;
}
