/**
 * Client-side pacing: Vast limits each endpoint to a minimum interval between calls (no
 * Retry-After), so requests to one endpoint wait their turn here instead of drawing a 429.
 * Thresholds follow the reference, plus a small margin for network jitter.
 */
export type RouteKey =
  | 'account'
  | 'gpu-names'
  | 'bundles'
  | 'asks'
  | 'instances-list'
  | 'instance-get'
  | 'instance-put'
  | 'instance-delete'

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
  'instances-list': { minIntervalMs: 1000 },
  'instance-get': { minIntervalMs: 2000 },
  'instance-put': { minIntervalMs: 1000 },
  'instance-delete': { minIntervalMs: 3000 },
}

type Clock = () => number
type Sleep = (ms: number) => Promise<void>

export interface Pacer {
  /** Resolves when a call to `route` may start, and books that slot. */
  acquire(route: RouteKey): Promise<void>
  /** Called on a 429: pushes the next slot back. */
  penalize(route: RouteKey): void
  reset(): void
}

export function createPacer(
  limits: Record<RouteKey, Limit> = ROUTE_LIMITS,
  now: Clock = () => Date.now(),
  sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Pacer {
  const nextFree = new Map<RouteKey, number>()
  const history = new Map<RouteKey, number[]>()

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
      if (wait > 0) await sleep(wait)
    },
    penalize(route) {
      const limit = limits[route]
      const t = now()
      nextFree.set(route, Math.max(nextFree.get(route) ?? 0, t) + 2 * limit.minIntervalMs)
    },
    reset() {
      nextFree.clear()
      history.clear()
    },
  }
}
