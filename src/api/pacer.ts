/**
 * Client-side pacing: Vast limits each endpoint to a minimum interval between calls (no
 * Retry-After), so requests to one endpoint wait their turn here instead of drawing a 429.
 * Thresholds follow the reference, plus a small margin for network jitter. A 429 backs the
 * endpoint off exponentially, with jitter, until a call succeeds; noticeable waits are reported
 * to the throttle store so the app can show them.
 */
import { NOTICEABLE_WAIT_MS, reportThrottled } from './throttle-store'

export type RouteKey =
  | 'account'
  | 'gpu-names'
  | 'bundles'
  | 'asks'
  | 'bid-price'
  | 'instances-list'
  | 'instance-get'
  | 'instance-put'
  | 'instance-delete'
  | 'ssh-keys'
  | 'instance-ssh'
  | 'templates'
  | 'charges'
  | 'invoices'

interface Limit {
  /** Minimum ms between two calls to the endpoint. */
  minIntervalMs: number
  /** Optional burst window: at most `count` calls per `windowMs`. */
  window?: { count: number; windowMs: number }
}

const MARGIN_MS = 100

export const ROUTE_LIMITS: Record<RouteKey, Limit> = {
  account: { minIntervalMs: 1000 },
  'gpu-names': { minIntervalMs: 1000 },
  bundles: { minIntervalMs: 1000, window: { count: 10, windowMs: 60_000 } },
  asks: { minIntervalMs: 4500 },
  // change_bid.yaml: threshold 5.5.
  'bid-price': { minIntervalMs: 5500 },
  'instances-list': { minIntervalMs: 1000 },
  'instance-get': { minIntervalMs: 2000 },
  'instance-put': { minIntervalMs: 1000 },
  'instance-delete': { minIntervalMs: 3000 },
  'ssh-keys': { minIntervalMs: 1000 },
  'instance-ssh': { minIntervalMs: 1000 },
  templates: { minIntervalMs: 3000 },
  // show_charges.yaml / show_invoices.yaml: threshold 1.0 per request.
  charges: { minIntervalMs: 1000 },
  invoices: { minIntervalMs: 1000 },
}

type Clock = () => number
type Sleep = (ms: number) => Promise<void>

/** The longest a 429 backoff pushes an endpoint back. */
export const MAX_BACKOFF_MS = 60_000

export interface Pacer {
  /** Resolves when a call to `route` may start, and books that slot. */
  acquire(route: RouteKey): Promise<void>
  /**
   * Called on a 429: pushes the next slot back by 2× the interval, doubling with each 429 in a
   * row (capped), plus up to half that again at random so tabs and retries do not line up.
   * Returns the delay applied.
   */
  penalize(route: RouteKey): number
  /** Called when a call went through: the backoff starts over. */
  succeeded(route: RouteKey): void
  /**
   * Called when a call's answer (or failure) arrived. Vast measures the interval between
   * arrivals, and a call's arrival is known to be no later than its answer: spacing the next
   * call from here holds however long the previous one took in transit.
   */
  answered(route: RouteKey): void
  reset(): void
}

export function createPacer(
  limits: Record<RouteKey, Limit> = ROUTE_LIMITS,
  now: Clock = () => Date.now(),
  sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => number = Math.random,
): Pacer {
  const nextFree = new Map<RouteKey, number>()
  const history = new Map<RouteKey, number[]>()
  /** When the last call to each endpoint really started. */
  const lastStart = new Map<RouteKey, number>()
  /** 429s in a row per endpoint. */
  const strikes = new Map<RouteKey, number>()

  function book(route: RouteKey): number {
    const limit = limits[route]
    const t = now()
    let start = Math.max(t, nextFree.get(route) ?? 0)
    if (limit.window) {
      const { count, windowMs } = limit.window
      const recent = (history.get(route) ?? []).filter((s) => s > start - windowMs)
      if (recent.length >= count) {
        const oldest = recent[recent.length - count] ?? start
        start = Math.max(start, oldest + windowMs + MARGIN_MS)
      }
      recent.push(start)
      history.set(route, recent)
    }
    nextFree.set(route, start + limit.minIntervalMs + MARGIN_MS)
    return start - t
  }

  return {
    async acquire(route) {
      const wait = book(route)
      if (wait >= NOTICEABLE_WAIT_MS) reportThrottled(wait)
      if (wait > 0) await sleep(wait)
      // A timer that fired late (a busy main thread) must not squeeze the next call: calls are
      // also spaced from when they really started. Check and record happen in one tick.
      const spacing = limits[route].minIntervalMs + MARGIN_MS
      for (;;) {
        const gap = (lastStart.get(route) ?? Number.NEGATIVE_INFINITY) + spacing - now()
        if (gap <= 0) break
        await sleep(gap)
      }
      lastStart.set(route, now())
    },
    penalize(route) {
      const limit = limits[route]
      const t = now()
      const strike = (strikes.get(route) ?? 0) + 1
      strikes.set(route, strike)
      const base = Math.min(2 * limit.minIntervalMs * 2 ** (strike - 1), MAX_BACKOFF_MS)
      const delay = Math.round(base * (1 + random() / 2))
      nextFree.set(route, Math.max(nextFree.get(route) ?? 0, t) + delay)
      reportThrottled(delay)
      return delay
    },
    succeeded(route) {
      strikes.delete(route)
    },
    answered(route) {
      const after = now() + limits[route].minIntervalMs
      nextFree.set(route, Math.max(nextFree.get(route) ?? 0, after))
    },
    reset() {
      nextFree.clear()
      history.clear()
      lastStart.clear()
      strikes.clear()
    },
  }
}
