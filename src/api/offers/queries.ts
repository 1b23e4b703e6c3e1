/** Offer queries. The search's factory is `offerSearchOptions` (offers feature), under `all()`. */
import { queryOptions } from '@tanstack/react-query'
import { getGpuNames } from './endpoints'

export const offerQueries = {
  all: () => ['offers'] as const,
  gpuNames: () =>
    queryOptions({
      queryKey: [...offerQueries.all(), 'gpu-names'],
      queryFn: ({ signal }) => getGpuNames(signal),
      staleTime: 24 * 60 * 60_000,
      gcTime: 24 * 60 * 60_000,
      retry: false,
    }),
}
