import * as CacheLib from 'cache-lib';

export const profiles = new CacheLib.Cache({ ttl: 5 });
