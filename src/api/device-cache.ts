/**
 * Answers kept on this device between visits (the instance list and the last offer searches, per
 * account whose key is remembered here; `device-cache-store.ts` keeps and restores them). A
 * restored answer is shown at once, marked "as of" the time it was fetched, and nothing acts on
 * it: the screens disable every write built from it until that query's fresh answer has landed.
 *
 * This module is what the screens need: which answer in the cache came from the device. The
 * storage itself is a lazy chunk; `device-cache-link.ts` connects it to key changes.
 */
import {
  hashKey,
  partialMatchKey,
  useQueryClient,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query'
import { useCallback, useSyncExternalStore } from 'react'

/** Per client: query hash → the `dataUpdatedAt` of the answer restored from the device. */
const restored = new WeakMap<QueryClient, Map<string, number>>()

/** Records that the answer now cached under `queryHash` was restored from the device. */
export function markRestored(client: QueryClient, queryHash: string, dataUpdatedAt: number): void {
  let map = restored.get(client)
  if (!map) {
    map = new Map()
    restored.set(client, map)
  }
  map.set(queryHash, dataUpdatedAt)
}

/**
 * When the answer the cache holds for `queryKey` was fetched, if it was restored from the device
 * and no fresh answer has replaced it yet; null otherwise (a fresh answer, or nothing).
 */
export function restoredAt(client: QueryClient, queryKey: QueryKey): number | null {
  const at = restored.get(client)?.get(hashKey(queryKey))
  if (at === undefined) return null
  const state = client.getQueryState(queryKey)
  return state?.data !== undefined && state.dataUpdatedAt === at ? at : null
}

/** The oldest `restoredAt` of the queries under `prefix`, or null when none holds a restored answer. */
export function restoredUnder(client: QueryClient, prefix: QueryKey): number | null {
  let oldest: number | null = null
  for (const [hash, at] of restored.get(client) ?? []) {
    const query = client.getQueryCache().get(hash)
    if (!query || query.state.dataUpdatedAt !== at || query.state.data === undefined) continue
    if (partialMatchKey(query.queryKey, prefix) && (oldest === null || at < oldest)) oldest = at
  }
  return oldest
}

function useCacheValue(
  client: QueryClient,
  read: () => number | null,
  matches: (hash: string) => boolean,
) {
  const subscribe = useCallback(
    (onChange: () => void) =>
      client.getQueryCache().subscribe((event) => {
        if (matches(event.query.queryHash)) onChange()
      }),
    [client, matches],
  )
  return useSyncExternalStore(subscribe, read)
}

/** `restoredAt` for a component: re-renders when that query's answer changes. */
export function useRestoredAt(queryKey: QueryKey): number | null {
  const client = useQueryClient()
  const hash = hashKey(queryKey)
  const matches = useCallback((changed: string) => changed === hash, [hash])
  return useCacheValue(client, () => restoredAt(client, queryKey), matches)
}

const anyQuery = () => true

/** `restoredUnder` for a component: re-renders when any answer changes. */
export function useRestoredUnder(prefix: QueryKey): number | null {
  const client = useQueryClient()
  return useCacheValue(client, () => restoredUnder(client, prefix), anyQuery)
}
