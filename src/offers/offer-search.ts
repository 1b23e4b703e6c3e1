/**
 * The offer search as the page runs it: one cached query per filter set (TanStack Query), with
 * two rate-limit savers on top of the API layer's pacing:
 *
 * - **Local narrowing.** A search whose every filter is at least as strict as a cached, fresh
 *   server answer (same type and order) is answered from those rows, without a request, when
 *   that is exact: the cached list was complete, or it still holds `limit` matching rows (rows the
 *   server left out rank after every row it sent, so they cannot be in the top `limit`).
 * - **Throttling.** A 429 is retried after a pause that grows per attempt; the page shows
 *   "Throttled, retrying in N s" instead of an error.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { useEffect, useState, useSyncExternalStore } from 'react'
import { searchOffers, type OfferSearchResult } from '../api/endpoints'
import { isApiError } from '../api/errors'
import { offerQueries } from '../api/queries'
import { useThrottledUntil } from '../api/throttle-store'
import type { Offer } from '../api/schemas'
import { type OfferFilters } from './filters/offer-filters'
import { isNarrowing, offerMatches, toBundlesQuery } from './filters/filter-criteria'
import { sameFilters } from './filters/filter-url'

export interface OfferSearch extends OfferSearchResult {
  /** The filters this answer is for. */
  filters: OfferFilters
  /** Answered from rows already loaded, without a request. */
  local: boolean
  /** Every matching offer is here (the server sent fewer than `limit`). */
  complete: boolean
}

/** A cached server answer is used for narrowing only while this fresh (offers are volatile). */
export const LOCAL_ANSWER_MAX_AGE_MS = 60_000
/** How many times a 429 is retried before the page shows an error. */
export const THROTTLE_RETRIES = 4

/** Pause before retry number `attempt` (0-based) after a 429: 6 s, 12 s, 18 s, … */
export const throttleDelayMs = (attempt: number) => 6_000 * (attempt + 1)

const isRateLimited = (error: unknown) => isApiError(error) && error.kind === 'rate_limited'

function isOfferSearch(value: unknown): value is OfferSearch {
  return (
    typeof value === 'object' &&
    value !== null &&
    'filters' in value &&
    'offers' in value &&
    'local' in value &&
    'complete' in value
  )
}

/** The answer cached rows can give to `filters`, or null when only the server can. */
export function answerLocally(
  client: QueryClient,
  filters: OfferFilters,
  now = Date.now(),
): OfferSearch | null {
  const cached = client.getQueryCache().findAll({ queryKey: [...offerQueries.all(), 'search'] })
  for (const query of cached) {
    const data = query.state.data
    if (!isOfferSearch(data) || data.local || query.state.isInvalidated) continue
    if (now - query.state.dataUpdatedAt > LOCAL_ANSWER_MAX_AGE_MS) continue
    // Refetching the same search is a refresh: only the server can answer it.
    if (sameFilters(data.filters, filters) || !isNarrowing(data.filters, filters)) continue
    const rows = data.offers.filter((offer) => offerMatches(offer, filters))
    if (!data.complete && rows.length < filters.limit) continue
    return {
      offers: rows.slice(0, filters.limit),
      dropped: 0,
      filters,
      local: true,
      complete: data.complete && rows.length < filters.limit,
    }
  }
  return null
}

/** Rows a fresh server answer to a broader search holds (to explain an empty result), or null. */
export function broaderLoadedRows(
  client: QueryClient,
  filters: OfferFilters,
  now = Date.now(),
): Offer[] | null {
  const cached = client.getQueryCache().findAll({ queryKey: [...offerQueries.all(), 'search'] })
  let best: Offer[] | null = null
  for (const query of cached) {
    const data = query.state.data
    if (!isOfferSearch(data) || data.local || data.offers.length === 0) continue
    if (query.state.isInvalidated || now - query.state.dataUpdatedAt > LOCAL_ANSWER_MAX_AGE_MS)
      continue
    if (!isNarrowing(data.filters, filters)) continue
    if (!best || data.offers.length > best.length) best = data.offers
  }
  return best
}

// ─── when the next retry of a throttled search happens, per query ───────────────────────────

const retryAt = new Map<string, number>()
const listeners = new Set<() => void>()
const notify = () => listeners.forEach((listener) => listener())
const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

type RetryOption = boolean | number | ((failureCount: number, error: Error) => boolean) | undefined

function defaultRetry(option: RetryOption, failureCount: number, error: Error): boolean {
  if (typeof option === 'function') return option(failureCount, error)
  if (typeof option === 'number') return failureCount < option
  return option ?? false
}

export function offerSearchKey(filters: OfferFilters) {
  return [...offerQueries.all(), 'search', toBundlesQuery(filters)] as const
}

export function offerSearchOptions(client: QueryClient, filters: OfferFilters) {
  const query = toBundlesQuery(filters)
  const key = offerSearchKey(filters)
  const keyHash = JSON.stringify(key)
  const fallbackRetry = client.getDefaultOptions().queries?.retry
  const fallbackDelay = client.getDefaultOptions().queries?.retryDelay
  // The key holds the whole bundles query, from which `query` and `keyHash` derive; the client
  // is the cache itself, not an input.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: key,
    queryFn: async ({ signal }): Promise<OfferSearch> => {
      retryAt.delete(keyHash)
      const local = answerLocally(client, filters)
      if (local) return local
      const result = await searchOffers(query, signal)
      return {
        ...result,
        filters,
        local: false,
        complete: result.offers.length + result.dropped < filters.limit,
      }
    },
    staleTime: 60_000,
    retry: (failureCount, error) =>
      isRateLimited(error)
        ? failureCount < THROTTLE_RETRIES
        : defaultRetry(fallbackRetry, failureCount, error),
    retryDelay: (attempt, error) => {
      if (isRateLimited(error)) {
        const delay = throttleDelayMs(attempt)
        retryAt.set(keyHash, Date.now() + delay)
        notify()
        return delay
      }
      if (typeof fallbackDelay === 'function') return fallbackDelay(attempt, error)
      return typeof fallbackDelay === 'number' ? fallbackDelay : 1000
    },
  })
}

/**
 * Whole seconds until a throttled search for `filters` is sent again, or null when none waits:
 * the API layer's 429 backoff (it resends reads itself) or, once it gives up, this query's retry.
 */
export function useThrottleCountdown(filters: OfferFilters, fetching: boolean): number | null {
  const keyHash = JSON.stringify(offerSearchKey(filters))
  const queryRetryAt = useSyncExternalStore(
    subscribe,
    () => retryAt.get(keyHash) ?? 0,
    () => 0,
  )
  const pacedUntil = useThrottledUntil()
  const at = Math.max(queryRetryAt, pacedUntil)
  const [now, setNow] = useState(() => Date.now())
  const waiting = fetching && at > 0
  useEffect(() => {
    if (!waiting) return
    const tick = () => setNow(Date.now())
    const timer = setInterval(tick, 250)
    const first = setTimeout(tick, 0)
    return () => {
      clearInterval(timer)
      clearTimeout(first)
    }
  }, [waiting, at])
  if (!waiting || at <= now) return null
  return Math.ceil((at - now) / 1000)
}
