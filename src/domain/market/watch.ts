/**
 * Watched saved searches, the pure part: the alert threshold, which offer is a hit, when a
 * watch fires (once per drop: again only after the price has gone back above the threshold),
 * and the pacing arithmetic that shares the offer-search rate limit between watches.
 */

/** The shortest interval a user may choose between two runs of one watch. */
export const MIN_WATCH_INTERVAL_MIN = 5
/** A hidden tab runs every watch at this slow rate (minutes), whatever its interval. */
export const HIDDEN_WATCH_INTERVAL_MIN = 30
/**
 * Watches start no closer than this (ms) to one another, so they take at most 4 of the offer
 * search's 10 calls a minute and leave the rest to the user.
 */
export const WATCH_SPACING_MS = 15_000

export interface WatchRule {
  /** Alert when an offer costs at most this $/hr… */
  maxPerHour: number | null
  /** …or this many percent under `baseline` (the cheapest when the watch was set). */
  dropPercent: number | null
  baseline: number | null
}

/** The $/hr at or under which an offer is a hit, or null when the rule is incomplete. */
export function watchThreshold(rule: WatchRule): number | null {
  if (rule.maxPerHour !== null && rule.maxPerHour > 0) return rule.maxPerHour
  if (rule.dropPercent !== null && rule.baseline !== null && rule.baseline > 0)
    if (rule.dropPercent > 0 && rule.dropPercent < 100)
      return rule.baseline * (1 - rule.dropPercent / 100)
  return null
}

/** The cheapest offer at or under the threshold, or null. */
export function cheapestHit<T extends { dph_total: number }>(
  offers: readonly T[],
  threshold: number | null,
): T | null {
  if (threshold === null) return null
  let best: T | null = null
  for (const offer of offers)
    if (offer.dph_total <= threshold && (best === null || offer.dph_total < best.dph_total))
      best = offer
  return best
}

/**
 * Whether a run fires: only on the way down (no hit last run, a hit now). `hitting` is what the
 * next run compares with.
 */
export const shouldFire = (wasHitting: boolean, hit: unknown): boolean =>
  hit !== null && !wasHitting

/** Minutes between two runs of a watch: the user's (at least the minimum), slower when hidden. */
export function watchIntervalMin(chosenMin: number, hidden: boolean): number {
  const chosen = Math.max(MIN_WATCH_INTERVAL_MIN, Number.isFinite(chosenMin) ? chosenMin : 0)
  return hidden ? Math.max(chosen, HIDDEN_WATCH_INTERVAL_MIN) : chosen
}

export interface WatchTiming {
  id: string
  intervalMin: number
  /** Epoch ms of the last run, null before the first. */
  lastRunAt: number | null
}

/**
 * The watch to run now, or null: the most overdue one, and none while the last watch run (of
 * any watch, in any tab) was less than WATCH_SPACING_MS ago.
 */
export function nextDueWatch(
  watches: readonly WatchTiming[],
  now: number,
  hidden: boolean,
  lastAnyRunAt: number | null,
): string | null {
  if (lastAnyRunAt !== null && now - lastAnyRunAt < WATCH_SPACING_MS) return null
  let best: { id: string; overdue: number } | null = null
  for (const w of watches) {
    const dueAt =
      w.lastRunAt === null ? 0 : w.lastRunAt + watchIntervalMin(w.intervalMin, hidden) * 60_000
    const overdue = now - dueAt
    if (overdue >= 0 && (best === null || overdue > best.overdue)) best = { id: w.id, overdue }
  }
  return best?.id ?? null
}

/** Offer searches a minute the watches can take at most (the spacing's ceiling). */
export const watchCallsPerMinuteCeiling = () => Math.floor(60_000 / WATCH_SPACING_MS)
