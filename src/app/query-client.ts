import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { isApiError } from '../api/errors'
import { reportKeyRejected } from './session-store'

const RETRYABLE = new Set(['network', 'server', 'rate_limited'])

/** Defaults set once: bounded retries for transient read failures, none for writes. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // Every panel shows its own failures inline; only a rejected key is handled globally.
      onError: (error) => {
        if (isApiError(error) && error.kind === 'auth') {
          reportKeyRejected()
          void client.cancelQueries()
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isApiError(error) && error.kind === 'auth') reportKeyRejected()
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
