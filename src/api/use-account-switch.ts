/**
 * Switching the active account: the key changes, so every cached answer (which belonged to the
 * other account) is dropped (api/key-change) and refetched with the new key.
 */
import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { readActiveAccountId, removeAccount, switchAccount } from './api-key-store'
import { otherAccountQueries } from './account/queries'

export function useAccountSwitch(): {
  switchTo: (id: string) => void
  remove: (id: string) => void
} {
  const queryClient = useQueryClient()
  const switchTo = useCallback((id: string) => {
    if (readActiveAccountId() === id) return
    switchAccount(id)
  }, [])
  const remove = useCallback(
    (id: string) => {
      const wasActive = readActiveAccountId() === id
      removeAccount(id)
      // Removing the active account changes the key: the cache is cleared (api/key-change).
      if (!wasActive) {
        queryClient.removeQueries({ queryKey: otherAccountQueries.account(id).queryKey })
        queryClient.removeQueries({ queryKey: otherAccountQueries.instances(id).queryKey })
      }
    },
    [queryClient],
  )
  return { switchTo, remove }
}
