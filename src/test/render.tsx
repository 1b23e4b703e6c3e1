import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, type RenderOptions } from '@testing-library/react'
import type { ReactElement } from 'react'
import { clearCacheOnKeyChange } from '../api/key-change'

/** A fresh QueryClient per test, no retries, so failures show at once. */
export function createTestQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: 0 } },
  })
  clearCacheOnKeyChange(client)
  return client
}

export function renderWithClient(
  ui: ReactElement,
  options?: RenderOptions & { client?: QueryClient },
) {
  const client = options?.client ?? createTestQueryClient()
  const result = render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>, options)
  return { ...result, client }
}
