/**
 * Query-options factories with hierarchical keys. Keys never hold the API key: when the key
 * changes the whole cache is cleared instead.
 */
import { queryOptions } from '@tanstack/react-query'
import {
  getAccount,
  getGpuNames,
  listInstances,
  searchOffers,
  type InstanceList,
} from './endpoints'
import { isTransitioning, uiStatus } from './instance-status'
import type { Instance } from './schemas'
import type { BundlesQuery } from './bundles-query'

/** Fast poll while anything is changing: above the list's 1 s minimum interval. */
export const FAST_POLL_MS = 2_000
/** Slow poll once everything has settled. */
export const SLOW_POLL_MS = 30_000
/** After this long in a changing state, an instance no longer keeps polling fast. */
export const STUCK_AFTER_MS = 10 * 60_000

/**
 * When each instance entered its current changing state, as first seen by this page. Vast gives
 * no such time (start_date is the contract's start and survives stop/start), so it is observed.
 */
const changingSince = new Map<number, { status: string; since: number }>()

export function isStuck(instance: Instance, now = Date.now()): boolean {
  const status = uiStatus(instance)
  const seen = changingSince.get(instance.id)
  if (!seen || seen.status !== status) {
    changingSince.set(instance.id, { status, since: now })
    return false
  }
  return now - seen.since > STUCK_AFTER_MS
}

export function pollInterval(list: InstanceList | undefined, now = Date.now()): number {
  const changing = list?.instances.filter(isTransitioning) ?? []
  const live = new Set(changing.map((i) => i.id))
  for (const id of changingSince.keys()) if (!live.has(id)) changingSince.delete(id)
  return changing.filter((i) => !isStuck(i, now)).length > 0 ? FAST_POLL_MS : SLOW_POLL_MS
}

export const accountQueries = {
  all: () => ['account'] as const,
  current: () =>
    queryOptions({
      queryKey: [...accountQueries.all(), 'current'],
      queryFn: ({ signal }) => getAccount({ signal }),
    }),
}

export const offerQueries = {
  all: () => ['offers'] as const,
  search: (query: BundlesQuery) =>
    queryOptions({
      queryKey: [...offerQueries.all(), 'search', query],
      queryFn: ({ signal }) => searchOffers(query, signal),
      staleTime: 60_000,
    }),
  gpuNames: () =>
    queryOptions({
      queryKey: [...offerQueries.all(), 'gpu-names'],
      queryFn: ({ signal }) => getGpuNames(signal),
      staleTime: 24 * 60 * 60_000,
      gcTime: 24 * 60 * 60_000,
      retry: false,
    }),
}

export const instanceQueries = {
  all: () => ['instances'] as const,
  list: () =>
    queryOptions({
      queryKey: [...instanceQueries.all(), 'list'],
      queryFn: ({ signal }) => listInstances(signal),
      refetchInterval: (query) => pollInterval(query.state.data),
      refetchIntervalInBackground: false,
    }),
}
