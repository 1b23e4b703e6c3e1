/**
 * The instance list's query: hierarchical keys (never holding the API key: when the key changes
 * the whole cache is cleared instead) and polling derived from the data (docs/data-fetching.md).
 */
import { queryOptions } from '@tanstack/react-query'
import { isTransitioning } from '../../domain/instance-status'
import { armingFromLog, type Arming } from '../../domain/watchdog-log'
import { readActiveAccountId } from '../api-key-store'
import { statusSince } from '../status-history-store'
import {
  fetchLogText,
  listInstances,
  listInstancesById,
  requestLogs,
  type InstanceList,
} from './endpoints'
import type { Instance } from './schemas'

/** Fast poll while anything is changing: above the list's 1 s minimum interval. */
export const FAST_POLL_MS = 2_000
/** Slow poll once everything has settled (small accounts). */
export const SLOW_POLL_MS = 30_000
/** Settled accounts spend at most one list page per this many ms, however many pages they have. */
export const SETTLED_MS_PER_PAGE = 15_000
/** The fast poll asks for at most this many changing instances: one v1 page, one request. */
export const FAST_POLL_MAX_IDS = 25
/** After this long in a changing state, an instance no longer keeps polling fast. */
export const STUCK_AFTER_MS = 10 * 60_000

/**
 * Changing for over 10 minutes. Vast gives no time for a status (start_date is the contract's
 * start and survives stop/start), so it is read from the one status history (status-history-store).
 */
export function isStuck(instance: Instance, now = Date.now()): boolean {
  return now - statusSince(instance, now) > STUCK_AFTER_MS
}

/** The instances worth polling fast: changing, and not stuck for over 10 minutes. */
export function changingIds(list: InstanceList | undefined, now = Date.now()): number[] {
  const changing = list?.instances.filter(isTransitioning) ?? []
  return changing.filter((i) => !isStuck(i, now)).map((i) => i.id)
}

/**
 * Fast (one request) while something is changing; otherwise slow, and slower still for accounts
 * with many pages, so a settled account costs a bounded number of requests a minute.
 */
export function pollInterval(list: InstanceList | undefined, now = Date.now()): number {
  if (changingIds(list, now).length > 0) return FAST_POLL_MS
  return Math.max(SLOW_POLL_MS, (list?.pages ?? 1) * SETTLED_MS_PER_PAGE)
}

/** The full list is fetched again at least this often, even while fast-polling a subset. */
export const fullRefreshMs = (list: InstanceList) =>
  Math.max(SLOW_POLL_MS, list.pages * SETTLED_MS_PER_PAGE)

/**
 * The list's fetch. An explicit refresh (invalidation, e.g. after a rent or stop), a first load or
 * a due full refresh lists every page; a poll while instances are changing asks only for those
 * (up to 25 ids, one request) and merges them in, so the request rate does not grow with the
 * account. An id missing from the subset answer has been destroyed.
 */
export async function fetchInstanceList(
  previous: InstanceList | undefined,
  forceFull: boolean,
  signal?: AbortSignal,
  now = Date.now(),
): Promise<InstanceList> {
  if (!previous || forceFull || now - previous.fullAt >= fullRefreshMs(previous)) {
    return listInstances(signal)
  }
  const ids = changingIds(previous, now).slice(0, FAST_POLL_MAX_IDS)
  if (ids.length === 0) return listInstances(signal)
  const subset = await listInstancesById(ids, signal)
  const fresh = new Map(subset.instances.map((i) => [i.id, i]))
  const asked = new Set(ids)
  const instances = previous.instances.flatMap((i) => {
    if (!asked.has(i.id)) return [i]
    const update = fresh.get(i.id)
    return update ? [update] : []
  })
  return { ...previous, instances, dropped: previous.dropped + subset.dropped }
}

export const instanceQueries = {
  all: () => ['instances'] as const,
  list: () =>
    queryOptions({
      queryKey: [...instanceQueries.all(), 'list'],
      queryFn: async ({ client, queryKey, signal }) => {
        // Read before the request: the list belongs to the account whose key it was sent with.
        const account = readActiveAccountId()
        const state = client.getQueryState<InstanceList>(queryKey)
        const list = await fetchInstanceList(state?.data, state?.isInvalidated ?? true, signal)
        return { ...list, account }
      },
      refetchInterval: (query) => pollInterval(query.state.data),
      refetchIntervalInBackground: false,
    }),
}

/** The log lines a watchdog-saving figure is read from: the last few hundred are enough. */
export const WATCHDOG_LOG_TAIL = 300

/** An instance's recent log (request_logs, then the published text), kept for 10 minutes. */
export const watchdogLogQuery = (id: number) =>
  queryOptions({
    // Outside ['instances']: invalidating the list after a stop or start does not refetch logs.
    queryKey: ['instance-logs', id, WATCHDOG_LOG_TAIL],
    queryFn: async ({ signal }) => {
      const answer = await requestLogs(id, WATCHDOG_LOG_TAIL)
      // No published log yet (Vast sent only a message): nothing to read a saving from.
      return 'url' in answer ? fetchLogText(answer.url, { signal }) : ''
    },
    staleTime: 10 * 60_000,
    retry: false,
  })

/** After a read that found no arming line (or failed), the one retry comes this much later. */
export const ARMING_RETRY_MS = 60_000
/** Reads of a running instance's log to confirm its watchdog: the first and one retry. */
export const ARMING_READS = 2

/** The next confirmation read (ms from now), or false: an answer came, or the reads are spent. */
export function nextArmingRead(state: {
  data: Arming | undefined
  dataUpdateCount: number
  errorUpdateCount: number
}): number | false {
  if (state.data && state.data.state !== 'unknown') return false
  return state.dataUpdateCount + state.errorUpdateCount < ARMING_READS ? ARMING_RETRY_MS : false
}

/**
 * What a running instance's log says about its watchdog's arming (the snippet prints
 * "auto-stop: armed, …" or why it did not arm). Enabled by the card once the instance runs: one
 * read, one retry a minute later if the line is not there yet, then none; kept for the session.
 */
export const armingLogQuery = (id: number) =>
  queryOptions({
    queryKey: ['instance-logs', id, 'arming'],
    queryFn: async ({ signal }): Promise<Arming> => {
      const answer = await requestLogs(id, WATCHDOG_LOG_TAIL)
      return armingFromLog('url' in answer ? await fetchLogText(answer.url, { signal }) : '')
    },
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    refetchInterval: (query) => nextArmingRead(query.state),
  })
