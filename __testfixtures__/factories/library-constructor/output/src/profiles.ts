import * as CacheLib from 'cache-lib';

export const profiles = CacheLib.createCache({ ttl: 5 });

// Without parentheses: the defaults.
export const defaults = CacheLib.createCache();
