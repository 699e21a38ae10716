import type { Cache } from './http';

export async function warm(cache: Cache, key: string, retries: number, field: string): Promise<void> {
  await cache.fetch(key, { retry: retries, ttl: 60 });
  await cache.fetch('home', {});
  await cache.fetch(key, { key: 'other' });
  cache.label('owner', 'ops');
  cache.label('cache-tier', 'hot');
  cache.label(field, 'x');
}
