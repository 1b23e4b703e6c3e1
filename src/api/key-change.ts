/**
 * The one place a change of keys reaches the caches. Query keys never hold the API key, so every
 * cached answer belongs to the key it was fetched with: a new active key starts from an empty
 * cache (then, when its account is remembered on this device, from the answers kept for it:
 * `device-cache.ts`). An account whose key is removed or forgotten loses its kept answers too.
 * The app's client and every test client are wired through here.
 */
import type { QueryClient } from '@tanstack/react-query'
import { onActiveKeyChange, onDeviceAccountsChange } from './api-key-store'
import { deviceCacheOf } from './device-cache-link'

export function clearCacheOnKeyChange(client: QueryClient): () => void {
  const stopKeepOnly = onDeviceAccountsChange((ids) => deviceCacheOf(client)?.keepOnly(ids))
  const stopClear = onActiveKeyChange(() => {
    client.clear()
    deviceCacheOf(client)?.activeKeyChanged()
  })
  return () => {
    stopKeepOnly()
    stopClear()
  }
}
