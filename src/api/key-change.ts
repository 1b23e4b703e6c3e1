/**
 * The one place the query cache is cleared when the active key changes. Query keys never hold the
 * API key, so every cached answer belongs to the key it was fetched with: a new key starts from an
 * empty cache. The app's client and every test client are wired through here.
 */
import type { QueryClient } from '@tanstack/react-query'
import { onActiveKeyChange } from './api-key-store'

export function clearCacheOnKeyChange(client: QueryClient): () => void {
  return onActiveKeyChange(() => client.clear())
}
