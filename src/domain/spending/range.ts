/** Day ranges in UTC, as Vast's `day` filter reads them (unix seconds, `gte`/`lte` inclusive). */

export const DAY_S = 86_400

export interface DayRange {
  /** First day, `YYYY-MM-DD` (UTC). */
  from: string
  /** Last day, inclusive. */
  to: string
}

export type RangePreset = 'month' | '7d' | '30d' | 'custom'

export const dayOf = (unixS: number): string => new Date(unixS * 1000).toISOString().slice(0, 10)

/** Unix seconds at 00:00 UTC of a `YYYY-MM-DD` day; NaN for anything else. */
export function dayStart(day: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return Number.NaN
  return Date.parse(`${day}T00:00:00Z`) / 1000
}

export const isDay = (day: string) => Number.isFinite(dayStart(day)) && dayOf(dayStart(day)) === day

export const addDays = (day: string, n: number) => dayOf(dayStart(day) + n * DAY_S)

/** The `day` filter for a range: `gte` its first second, `lte` its last. */
export const dayFilter = (range: DayRange) => ({
  gte: dayStart(range.from),
  lte: dayStart(range.to) + DAY_S - 1,
})

/** Every day of the range, oldest first. */
export function daysOf(range: DayRange): string[] {
  const out: string[] = []
  for (let d = range.from; d <= range.to && out.length < 3660; d = addDays(d, 1)) out.push(d)
  return out
}

export const monthOf = (day: string) => day.slice(0, 7)

/** The range a preset stands for on `today`: this month so far, or the last 7/30 days. */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, today: string): DayRange {
  if (preset === 'month') return { from: `${monthOf(today)}-01`, to: today }
  return { from: addDays(today, preset === '7d' ? -6 : -29), to: today }
}

/** Days in the month of `day`. */
export function daysInMonth(day: string): number {
  const [y, m] = day.split('-').map(Number)
  return new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).getUTCDate()
}

/**
 * Spans of consecutive days in `days` that `held` lacks: what a revisit still has to fetch.
 * Both lists are `YYYY-MM-DD`.
 */
export function missingSpans(range: DayRange, held: ReadonlySet<string>): DayRange[] {
  const spans: DayRange[] = []
  let open: DayRange | null = null
  for (const day of daysOf(range)) {
    if (held.has(day)) {
      if (open) spans.push(open)
      open = null
    } else if (open) open.to = day
    else open = { from: day, to: day }
  }
  if (open) spans.push(open)
  return spans
}
