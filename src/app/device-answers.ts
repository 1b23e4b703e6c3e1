/**
 * Starts keeping answers on this device (`api/device-cache-store.ts`, a lazy chunk) once a key is
 * remembered here: at boot for a returning user, or when a key is first saved with "Remember on
 * this device". Nothing is loaded for a first visit, the demo or a session-only key.
 */
import type { QueryClient } from '@tanstack/react-query'
import { onDeviceAccountsChange, readDeviceAccountIds } from '../api/api-key-store'

/** The dashboard waits at most this long for kept answers: a slow disk must not hold it back. */
const RESTORE_WAIT_MS = 250

let restoring: Promise<void> = Promise.resolve()

export function keepAnswersOnDevice(client: QueryClient): void {
  let stopWatching: () => void = () => undefined
  const start = () => {
    stopWatching()
    return Promise.all([
      import('../api/device-cache-store'),
      import('../api/device-cache-db'),
    ]).then(
      ([store, db]) => {
        const storage = db.idbAnswerStorage()
        return storage ? store.startDeviceCache(client, storage).restored : undefined
      },
      () => undefined,
    )
  }
  // Only a boot-time restore is waited for: a key saved now has nothing kept yet.
  if (readDeviceAccountIds().length > 0) restoring = start()
  else
    stopWatching = onDeviceAccountsChange((ids) => {
      if (ids.length > 0) void start()
    })
}

/** Settles when the kept answers are in the cache, or after RESTORE_WAIT_MS at most. */
export const answersRestored = (): Promise<void> =>
  Promise.race([restoring, new Promise<void>((resolve) => setTimeout(resolve, RESTORE_WAIT_MS))])
