/**
 * The offer search as the page runs it: one cached query per filter set (TanStack Query), with
 * two rate-limit savers on top of the API layer's pacing:
 *
 * - **Local narrowing.** A search whose every filter is at least as strict as a cached, fresh
 *   server answer (same type and order) is answered from those rows, without a request, when
 *   that is exact: the cached list was complete, or it still holds `limit` matching rows (rows the
 *   server left out rank after every row it sent, so they cannot be in the top `limit`).
 * - **Throttling.** A 429 is retried by the API client alone (after the pacer's backoff); the page
 *   shows "Throttled, retrying in N s" from the pacer's wait instead of an error.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { searchOffers, type OfferSearchResult } from '../api/offers/endpoints'
import { offerQueries } from '../api/offers/queries'
import { useThrottledUntil } from '../api/throttle-store'
import type { Offer } from '../api/offers/schemas'
import { isNarrowing, offerMatches, toBundlesQuery } from './filters/filter-criteria'
import { sameFilters } from './filters/filter-url'
import { type OfferFilters } from './filters/offer-filters'

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
/**
 * Every cached server answer with its query state. The `['offers', 'search']` prefix belongs to
 * `offerSearchOptions` alone (the one factory for it), so its data is an OfferSearch.
 */
function cachedSearches(client: QueryClient) {
  return client
    .getQueriesData<OfferSearch>({ queryKey: [...offerQueries.all(), 'search'] })
    .flatMap(([key, data]) => {
      const state = client.getQueryState(key)
      return data && state ? [{ data, state }] : []
    })
}

/** The answer cached rows can give to `filters`, or null when only the server can. */
export function answerLocally(
  client: QueryClient,
  filters: OfferFilters,
  now = Date.now(),
): OfferSearch | null {
  for (const { data, state } of cachedSearches(client)) {
    if (data.local || state.isInvalidated) continue
    if (now - state.dataUpdatedAt > LOCAL_ANSWER_MAX_AGE_MS) continue
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
  let best: Offer[] | null = null
  for (const { data, state } of cachedSearches(client)) {
    if (data.local || data.offers.length === 0) continue
    if (state.isInvalidated || now - state.dataUpdatedAt > LOCAL_ANSWER_MAX_AGE_MS) continue
    if (!isNarrowing(data.filters, filters)) continue
    if (!best || data.offers.length > best.length) best = data.offers
  }
  return best
}

export function offerSearchKey(filters: OfferFilters) {
  return [...offerQueries.all(), 'search', toBundlesQuery(filters)] as const
}

const fromServer = (result: OfferSearchResult, filters: OfferFilters): OfferSearch => ({
  ...result,
  filters,
  local: false,
  complete: result.offers.length + result.dropped < filters.limit,
})

/**
 * The first search, started with a key still being checked. `adopt` hands its answer to the
 * cache once the key is saved (the offers page then shows it without asking again); `discard`
 * drops it (a rejected key).
 */
export function startEarlySearch(key: string, filters: OfferFilters) {
  const controller = new AbortController()
  const answer = searchOffers(toBundlesQuery(filters), controller.signal, key).then((result) =>
    fromServer(result, filters),
  )
  // A discarded search's failure is nobody's concern; an adopted one fails through the query.
  answer.catch(() => undefined)
  return {
    adopt(client: QueryClient) {
      // The answer belongs to this very key (the same filters); nothing else feeds it.
      // eslint-disable-next-line @tanstack/query/exhaustive-deps
      void client.prefetchQuery({
        queryKey: offerSearchKey(filters),
        queryFn: () => answer,
        staleTime: 60_000,
      })
    },
    discard() {
      controller.abort()
    },
  }
}

export function offerSearchOptions(client: QueryClient, filters: OfferFilters) {
  const query = toBundlesQuery(filters)
  const key = offerSearchKey(filters)
  // The key holds the whole bundles query, from which `query` derives; the client is the cache
  // itself, not an input.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: key,
    queryFn: async ({ signal }): Promise<OfferSearch> => {
      const local = answerLocally(client, filters)
      if (local) return local
      return fromServer(await searchOffers(query, signal), filters)
    },
    staleTime: 60_000,
  })
}

/**
 * Whole seconds until a throttled search is sent again, or null when none waits. The API client
 * owns 429 retries (it resends reads after the pacer's backoff), so the wait is the pacer's.
 */
export function useThrottleCountdown(_filters: OfferFilters, fetching: boolean): number | null {
  const at = useThrottledUntil()
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
