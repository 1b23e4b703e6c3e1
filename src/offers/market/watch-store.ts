/**
 * Watched saved searches and the alerts they raised. The watches are kept in localStorage, so
 * every open tab shares them and their last-run times (the runner reads them afresh before each
 * run, so two tabs do not run one watch twice); the alerts last for the page.
 */
import { create } from 'zustand'
import * as z from 'zod/mini'

const STORAGE_KEY = 'vast-console.watches.v1'
const LAST_RUN_KEY = 'vast-console.watches.last-run'
const MAX_WATCHES = 20
const MAX_ALERTS = 50

const watchSchema = z.object({
  id: z.string(),
  name: z.string().check(z.maxLength(60)),
  query: z.string().check(z.maxLength(4_000)),
  maxPerHour: z.nullable(z.number()),
  dropPercent: z.nullable(z.number()),
  baseline: z.nullable(z.number()),
  intervalMin: z.number(),
  notify: z.boolean(),
  lastRunAt: z.nullable(z.number()),
  hitting: z.boolean(),
  lastError: z.nullable(z.string()),
  /** "Rent it for me": armed to rent one instance, once. */
  armed: z.optional(
    z.nullable(z.object({ maxPerHour: z.number(), diskGb: z.number(), image: z.string() })),
  ),
})
export type Watch = z.infer<typeof watchSchema>

export interface PriceAlert {
  id: number
  watchId: string
  name: string
  /** The saved search's query string: the Rent action opens the offer with these settings. */
  query: string
  offerId: number
  gpu: string
  price: number
  at: number
  /** What "Rent it for me" did (an event, with no Rent action). */
  outcome?: string
}

export function readWatches(): Watch[] {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]')
    if (!Array.isArray(value)) return []
    const items: unknown[] = value
    return items.flatMap((item) => {
      const parsed = z.safeParse(watchSchema, item)
      return parsed.success ? [parsed.data] : []
    })
  } catch {
    return []
  }
}

function write(watches: Watch[]): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(watches))
  } catch {
    // Storage full or blocked: the watches last for this page only.
  }
}

export function readLastRunAt(): number | null {
  const value = Number(window.localStorage.getItem(LAST_RUN_KEY) ?? Number.NaN)
  return Number.isFinite(value) ? value : null
}

export function writeLastRunAt(at: number): void {
  try {
    window.localStorage.setItem(LAST_RUN_KEY, String(at))
  } catch {
    // Spacing falls back to this tab's own runs.
  }
}

const store = create<{ watches: Watch[]; alerts: PriceAlert[] }>()(() => ({
  watches: typeof window === 'undefined' ? [] : readWatches(),
  alerts: [],
}))
let nextAlertId = 1

export const useWatches = () => store((s) => s.watches)
export const useAlerts = () => store((s) => s.alerts)

function update(change: (watches: Watch[]) => Watch[]): void {
  const next = change(readWatches()).slice(0, MAX_WATCHES)
  write(next)
  store.setState({ watches: next })
}

export type NewWatch = Omit<Watch, 'id' | 'lastRunAt' | 'hitting' | 'lastError'>

/** Watches a saved search (replacing an earlier watch of the same name). */
export function watchSearch(input: NewWatch): void {
  const watch: Watch = {
    ...input,
    id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    lastRunAt: null,
    hitting: false,
    lastError: null,
  }
  update((list) => [watch, ...list.filter((w) => w.name !== input.name)])
}

/** Arms (or, with null, disarms) a watch's "Rent it for me". */
export function setArmed(id: string, armed: Watch['armed']): void {
  update((list) => list.map((w) => (w.id === id ? { ...w, armed: armed ?? null } : w)))
}

/**
 * Disarms a watch for the rent about to be sent; false when it is no longer armed (another tab
 * took it first), and then nothing may be sent.
 */
export function takeArmed(id: string): boolean {
  const watch = readWatches().find((w) => w.id === id)
  if (!watch?.armed) return false
  setArmed(id, null)
  return true
}

export function stopWatching(id: string): void {
  update((list) => list.filter((w) => w.id !== id))
}

/** Marks a run as started (in every tab), before its request goes out. */
export function markStarted(id: string, at: number): void {
  writeLastRunAt(at)
  update((list) => list.map((w) => (w.id === id ? { ...w, lastRunAt: at } : w)))
}

/** A run's outcome; a drop rule's first run also sets its baseline (the cheapest it saw). */
export function markResult(
  id: string,
  result: { hitting: boolean; error: string | null; cheapest?: number | null },
): void {
  update((list) =>
    list.map((w) =>
      w.id === id
        ? {
            ...w,
            hitting: result.hitting,
            lastError: result.error,
            baseline: w.baseline ?? (w.dropPercent !== null ? (result.cheapest ?? null) : null),
          }
        : w,
    ),
  )
}

export function raiseAlert(alert: Omit<PriceAlert, 'id'>): PriceAlert {
  const full = { ...alert, id: nextAlertId++ }
  store.setState((s) => ({ alerts: [full, ...s.alerts].slice(0, MAX_ALERTS) }))
  return full
}

export function dismissAlert(id: number): void {
  store.setState((s) => ({ alerts: s.alerts.filter((a) => a.id !== id) }))
}

/** Another tab changed the watches: follow it. */
export function followStorage(event: StorageEvent): void {
  if (event.key === STORAGE_KEY) store.setState({ watches: readWatches() })
}

/** Tests: no watches, no alerts. */
export function resetWatches(): void {
  write([])
  store.setState({ watches: [], alerts: [] })
}
