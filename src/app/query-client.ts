import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { isApiError } from '../api/errors'
import { reportKeyRejected } from './session-store'

const RETRYABLE = new Set(['network', 'server', 'rate_limited'])

/**
 * A query or mutation that needs a permission beyond the four the app requires (e.g. user_write
 * to add an SSH key) says so in `meta.permission`: its 401/403 means "this key may not", shown
 * where it happened, not "this key was revoked".
 */
const needsExtraPermission = (meta: Record<string, unknown> | undefined): boolean =>
  typeof meta?.permission === 'string'

/** Defaults set once: bounded retries for transient read failures, none for writes. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // Every panel shows its own failures inline; only a rejected key is handled globally.
      onError: (error, query) => {
        if (isApiError(error) && error.kind === 'auth' && !needsExtraPermission(query.meta)) {
          reportKeyRejected()
          void client.cancelQueries()
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isApiError(error) && error.kind === 'auth' && !needsExtraPermission(mutation.meta))
          reportKeyRejected()
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
      },
      mutations: { retry: 0 },
    },
  })
  return client
}
