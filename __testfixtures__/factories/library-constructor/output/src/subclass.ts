import { Cache, type CacheOptions } from 'cache-lib';

/** Counts misses: a subclass with logic of its own. */
export class CountingCache extends Cache<string> {
  misses = 0;
}

export function counting(options: CacheOptions): CountingCache {
  return new CountingCache(options);
}
