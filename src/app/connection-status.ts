/**
 * The dashboard's view of its connection to Vast, derived from the query cache (never copied):
 * offline (the browser says so), down (the latest fetch of an active query failed at the network
 * or with a 5xx), or ok. While down, the data on screen is the last data received.
 */
import { onlineManager, type Query, type QueryClient } from '@tanstack/react-query'
import { isApiError } from '../api/errors'

export type Connection =
  | { state: 'ok' }
  | { state: 'offline'; lastDataAt: number | null }
  | { state: 'down'; lastDataAt: number | null; message: string }

const UNREACHABLE = new Set(['network', 'server'])

/** While Vast is down, a failed query is tried again this often (polled ones poll on their own). */
export const RECOVERY_PROBE_MS = 15_000

/** The latest fetch of this query failed because Vast (or the way to it) is not answering. */
export function failedUnreachable(query: Query): boolean {
  const reason = query.state.fetchFailureCount > 0 ? query.state.fetchFailureReason : null
  const error = reason ?? (query.state.status === 'error' ? query.state.error : null)
  return isApiError(error) && UNREACHABLE.has(error.kind)
}

export function connectionOf(client: QueryClient, online = onlineManager.isOnline()): Connection {
  const active = client
    .getQueryCache()
    .getAll()
    .filter((q) => q.getObserversCount() > 0)
  const failing = active.filter(failedUnreachable)
  const lastDataAt = (queries: Query[]) => {
    const times = queries.map((q) => q.state.dataUpdatedAt).filter((t) => t > 0)
    return times.length > 0 ? Math.max(...times) : null
  }
  if (!online) return { state: 'offline', lastDataAt: lastDataAt(active) }
  const first = failing[0]
  if (!first) return { state: 'ok' }
  const error = first.state.fetchFailureReason ?? first.state.error
  return {
    state: 'down',
    lastDataAt: lastDataAt(failing),
    message: isApiError(error) ? error.message : 'Vast is not answering.',
  }
}

/** A stable string for useSyncExternalStore (objects would re-render on every cache event). */
export const connectionKey = (c: Connection): string => JSON.stringify(c)
