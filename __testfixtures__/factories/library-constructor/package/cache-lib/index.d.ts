export interface CacheOptions {
  ttl?: number;
}

/** Constructing it directly is deprecated: createCache validates the options first. */
export declare class Cache<V = unknown> {
  constructor(options?: CacheOptions);
  get(key: string): V | undefined;
}

export declare function createCache<V = unknown>(options?: CacheOptions): Cache<V>;

export declare function version(): string;
