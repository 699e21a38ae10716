import {
  version,
  createCache,
} from "cache-lib"

export function tokenCache(ttl: number) {
  return createCache<number>({
    ttl, // from the caller
  })
}

export const libraryVersion = version()
