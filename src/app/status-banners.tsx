import { onlineManager, useQueryClient } from '@tanstack/react-query'
import { useCallback, useRef, useSyncExternalStore } from 'react'
import { useThrottled } from '../api/throttle-store'
import { Button } from '../ui/button'
import { cn } from '../ui/cn'
import { TONE_BOX } from '../ui/tone'
import {
  connectionKey,
  connectionOf,
  failedUnreachable,
  type Connection,
} from './connection-status'

const timeOf = (ms: number | null) =>
  ms === null
    ? null
    : new Date(ms).toLocaleTimeString(undefined, {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      })

function useConnection(): Connection {
  const client = useQueryClient()
  /** The last snapshot, kept while its content is unchanged (useSyncExternalStore needs that). */
  const last = useRef<{ key: string; value: Connection } | null>(null)
  const subscribe = useCallback(
    (onChange: () => void) => {
      const offCache = client.getQueryCache().subscribe(onChange)
      const offOnline = onlineManager.subscribe(onChange)
      return () => {
        offCache()
        offOnline()
      }
    },
    [client],
  )
  const snapshot = useCallback(() => {
    const value = connectionOf(client)
    const key = connectionKey(value)
    if (last.current?.key !== key) last.current = { key, value }
    return last.current.value
  }, [client])
  return useSyncExternalStore(subscribe, snapshot)
}

const BANNER = 'mx-auto mt-3 max-w-7xl rounded-md border px-4 py-2 text-sm'

/**
 * Offline, Vast down and throttled states, above the panels. The data on screen is kept and
 * marked stale; queries resume by themselves (TanStack Query refetches on reconnect, polled
 * queries keep polling, and a query that failed unreachable is tried again every
 * RECOVERY_PROBE_MS through its refetchInterval, never in a hidden tab: app/query-client.ts).
 */
export function StatusBanners() {
  const client = useQueryClient()
  const connection = useConnection()
  const throttled = useThrottled()

  const since = connection.state === 'ok' ? null : timeOf(connection.lastDataAt)
  const stale = since
    ? `Showing the data last received at ${since}; it may be out of date.`
    : 'Nothing could be loaded yet.'

  return (
    <>
      <div role="status" aria-live="polite">
        {connection.state === 'offline' && (
          <p className={cn(BANNER, TONE_BOX.warning)}>
            {`You are offline. ${stale} Updates resume when you are back online.`}
          </p>
        )}
        {connection.state === 'down' && (
          <div className={cn(BANNER, 'flex flex-wrap items-center gap-3', TONE_BOX.danger)}>
            <p>{`Vast is not answering. ${connection.message} ${stale} Retrying automatically.`}</p>
            <Button
              size="sm"
              onClick={() =>
                void client.refetchQueries({ type: 'active', predicate: failedUnreachable })
              }
            >
              Retry now
            </Button>
          </div>
        )}
      </div>
      <div role="status" aria-live="polite">
        {throttled && (
          <p className={cn(BANNER, 'border-border-strong bg-surface-muted text-text')}>
            Throttled: Vast limits how often it may be asked. Requests are queued and go out in a
            moment.
          </p>
        )}
      </div>
    </>
  )
}
