// The factory's name is taken here: it is imported under another, and the finding says which.
import { createCache as createCache2 } from 'cache-lib';

export function make(createCache: number) {
  return createCache2({ ttl: createCache });
}
