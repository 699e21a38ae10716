// The factory's name is taken here: it is imported under another, and the finding says which.
import { Cache } from 'cache-lib';

export function make(createCache: number) {
  return new Cache({ ttl: createCache });
}
