import {
  Cache as C,
  version,
} from "cache-lib"

export function tokenCache(ttl: number) {
  return new C<number>({
    ttl, // from the caller
  })
}

export const libraryVersion = version()
