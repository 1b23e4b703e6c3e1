/**
 * Runs watched searches: one at a time, the most overdue first, spaced across watches and tabs
 * (domain/market/watch.ts), each through the API client so the pacer shares the offer-search
 * rate limit with the page. A run's offers go into the market memory too.
 */
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { searchOffers } from '../../api/offers/endpoints'
import type { Offer } from '../../api/offers/schemas'
import { cheapestHit, nextDueWatch, shouldFire, watchThreshold } from '../../domain/market/watch'
import { formatPrice } from '../../domain/format'
import { showToast } from '../../ui/toast-store'
import { toBundlesQuery } from '../filters/filter-criteria'
import { filtersOf } from '../filters/saved-searches'
import { autoRent } from './auto-rent'
import { recordOffers } from './market-memory-store'
import {
  followStorage,
  markResult,
  markStarted,
  raiseAlert,
  readLastRunAt,
  readWatches,
  takeArmed,
  type PriceAlert,
  type Watch,
} from './watch-store'

/** How often the runner looks for a due watch. */
const TICK_MS = 5_000

let running = false

export const alertText = (alert: Pick<PriceAlert, 'name' | 'gpu' | 'price' | 'offerId'>) =>
  `Price alert "${alert.name}": ${alert.gpu} at ${formatPrice(alert.price)}/hr (offer ${alert.offerId}).`

/** Raises an alert (or, with `outcome`, a Rent it for me event): a toast and, opted in, a notification. */
function announce(watch: Watch, hit: Offer, outcome?: string): void {
  const alert = raiseAlert({
    watchId: watch.id,
    name: watch.name,
    query: watch.query,
    offerId: hit.id,
    gpu: hit.gpu_name,
    price: hit.dph_total,
    at: Date.now(),
    ...(outcome === undefined ? {} : { outcome }),
  })
  const text = outcome ?? alertText(alert)
  showToast(text, outcome === undefined ? 'success' : 'info')
  if (watch.notify && typeof Notification !== 'undefined')
    if (Notification.permission === 'granted') new Notification('Vast GPU Console', { body: text })
}

/** Runs one watch now (a due one, or the one the user asked to check); one run at a time. */
export async function runWatch(client: QueryClient, id: string, now = Date.now()): Promise<void> {
  const watch = readWatches().find((w) => w.id === id)
  if (!watch || running) return
  running = true
  markStarted(id, now)
  try {
    const filters = filtersOf(watch)
    const result = await searchOffers(toBundlesQuery(filters))
    recordOffers(result, result.offers, filters.type)
    const hit = cheapestHit(result.offers, watchThreshold(watch))
    if (hit && shouldFire(watch.hitting, hit)) announce(watch, hit)
    const cheapest = result.offers.reduce<number | null>(
      (low, o) => (low === null || o.dph_total < low ? o.dph_total : low),
      null,
    )
    let error: string | null = null
    if (hit && watch.armed) {
      const done = await autoRent(client, watch.armed, hit, () => takeArmed(id))
      if (done.kind === 'held') error = `Rent it for me is waiting: ${done.reason}`
      else announce(watch, hit, done.outcome)
    }
    markResult(id, { hitting: hit !== null, error, cheapest })
  } catch (error) {
    // Nothing is raised on a failed run; the watch says why and the next run tries again.
    markResult(id, {
      hitting: watch.hitting,
      error: error instanceof Error ? error.message : 'The search failed.',
    })
  } finally {
    running = false
  }
}

/** Looks for a due watch every few seconds while the app is open, visible or not. */
export function useWatchRunner(): void {
  const client = useQueryClient()
  useEffect(() => {
    const tick = () => {
      const hidden = document.visibilityState === 'hidden'
      const id = nextDueWatch(readWatches(), Date.now(), hidden, readLastRunAt())
      if (id) void runWatch(client, id)
    }
    const timer = window.setInterval(tick, TICK_MS)
    window.addEventListener('storage', followStorage)
    return () => {
      window.clearInterval(timer)
      window.removeEventListener('storage', followStorage)
    }
  }, [client])
}

/** Mounted once by the app, on every tab. Renders nothing. */
export function WatchRunner() {
  useWatchRunner()
  return null
}
