import * as CacheLib from 'cache-lib';

export const profiles = new CacheLib.Cache({ ttl: 5 });

// Without parentheses: the defaults.
export const defaults = new CacheLib.Cache;
