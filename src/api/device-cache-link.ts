/**
 * How key changes reach the answers kept on the device (`device-cache-store.ts`, a lazy chunk):
 * the store links itself to its query client here, and `key-change.ts` (in the first-visit code)
 * calls it without loading it.
 */
import type { QueryClient } from '@tanstack/react-query'

/** What the key-change module tells the device copy (see `key-change.ts`). */
export interface DeviceCacheLink {
  /** The active key changed and the cache was cleared: show the new account's kept answers. */
  activeKeyChanged(): void
  /** Only these accounts are remembered now: forget every other account's answers. */
  keepOnly(accountIds: readonly string[]): void
  /** Vast refused the active key: forget its account's answers. */
  dropActive(): void
}

const links = new WeakMap<QueryClient, DeviceCacheLink>()

export function linkDeviceCache(client: QueryClient, link: DeviceCacheLink): () => void {
  links.set(client, link)
  return () => {
    if (links.get(client) === link) links.delete(client)
  }
}

export const deviceCacheOf = (client: QueryClient): DeviceCacheLink | undefined => links.get(client)
