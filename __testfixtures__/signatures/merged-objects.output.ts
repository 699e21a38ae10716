import type { Cache } from './http';

export async function warm(cache: Cache, key: string, retries: number, field: string): Promise<void> {
  await cache.get({ key, retry: retries, ttl: 60 });
  await cache.get({ key: 'home' });
  await cache.fetch(key, { key: 'other' });
  cache.tag({ owner: 'ops' });
  cache.tag({ ['cache-tier']: 'hot' });
  cache.tag({ [field]: 'x' });
}
