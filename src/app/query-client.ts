import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { confirmKeyRejected } from '../api/account/confirm-key'
import { isApiError, type ApiError } from '../api/errors'
import { deviceCacheOf } from '../api/device-cache-link'
import { clearCacheOnKeyChange } from '../api/key-change'
import { failedUnreachable, RECOVERY_PROBE_MS } from './connection-status'
import { reportKeyRejected } from './session-store'

/**
 * Transient failures TanStack Query retries. A 429 is not among them: the API client owns 429
 * retries (it resends reads after the pacer's backoff and knows which calls are reads).
 */
const RETRYABLE = new Set(['network', 'server'])

/**
 * A 401/403 may mean "the active key was revoked" (confirmed below) except for calls that say
 * otherwise: one needing
 * a permission beyond the four the app requires (`meta.permission`, e.g. user_write to add an SSH
 * key: "this key may not"), or one made with another held account's key (`meta.account`). Those
 * are shown where they happened.
 */
const needsExtraPermission = (meta: Record<string, unknown> | undefined): boolean =>
  typeof meta?.permission === 'string' || typeof meta?.account === 'string'

/**
 * A 401/403 signs the user out only once `GET /users/current/` confirms the key no longer
 * works; otherwise the failure stays where it happened, with Vast's own message.
 */
function onAuthFailure(error: ApiError, client: QueryClient): void {
  void confirmKeyRejected(error).then((rejected) => {
    if (!rejected) return
    reportKeyRejected()
    void client.cancelQueries()
    deviceCacheOf(client)?.dropActive()
  })
}

/** Defaults set once: bounded retries for transient read failures, none for writes. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // Every panel shows its own failures inline; only a rejected key is handled globally.
      onError: (error, query) => {
        if (isApiError(error) && error.kind === 'auth' && !needsExtraPermission(query.meta))
          onAuthFailure(error, client)
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isApiError(error) && error.kind === 'auth' && !needsExtraPermission(mutation.meta))
          onAuthFailure(error, client)
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: (failureCount, error) =>
          failureCount < 2 && isApiError(error) && RETRYABLE.has(error.kind),
        retryDelay: (attempt) =>
          Math.min(5_000 * 2 ** attempt, 30_000) * (0.75 + Math.random() * 0.5),
        refetchOnWindowFocus: true,
        // Vast down: a query whose last fetch failed unreachable is probed again, derived from
        // its own state (a query that polls sets its own interval); hidden tabs never probe.
        refetchInterval: (query) => (failedUnreachable(query) ? RECOVERY_PROBE_MS : false),
        refetchIntervalInBackground: false,
      },
      mutations: { retry: 0 },
    },
  })
  clearCacheOnKeyChange(client)
  return client
}
