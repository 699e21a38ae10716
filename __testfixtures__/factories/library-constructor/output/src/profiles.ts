import * as CacheLib from 'cache-lib';

export const profiles = CacheLib.createCache({ ttl: 5 });
