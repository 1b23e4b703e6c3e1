/**
 * Sums over a ledger: per day (a row that spans several days is spread over them by time), per
 * label, template or GPU model, totals, month-to-date and the month-end projection.
 */
import { chargeBreakdown, emptyBreakdown, type Breakdown, type Charge } from './ledger'
import { DAY_S, dayOf, dayStart, daysInMonth, daysOf, type DayRange } from './range'

function addInto(target: Breakdown, part: Breakdown, share = 1): void {
  target.gpu += part.gpu * share
  target.storage += part.storage * share
  target.bandwidth += part.bandwidth * share
  target.other += part.other * share
  target.total += part.total * share
}

/** Sum of a ledger: `total` is the sum of the rows' own amounts. */
export function totals(charges: readonly Charge[]): Breakdown {
  const sum = emptyBreakdown()
  for (const c of charges) addInto(sum, chargeBreakdown(c))
  return sum
}

/**
 * The share of a charge that falls within [from, to) (unix seconds): by time overlap with the
 * row's own span. A row with no length counts whole at its instant.
 */
export function shareWithin(c: Charge, from: number, to: number): number {
  const length = c.end - c.start
  if (length <= 0) return c.start >= from && c.start < to ? 1 : 0
  const overlap = Math.min(c.end, to) - Math.max(c.start, from)
  return overlap > 0 ? overlap / length : 0
}

export interface DaySpend extends Breakdown {
  day: string
}

/**
 * Spend per UTC day of `range`, each row spread over the days it covers. The days sum to the
 * rows' total when every row lies within the range (what Vast's `day` filter returns).
 */
export function perDay(charges: readonly Charge[], range: DayRange): DaySpend[] {
  const days = daysOf(range)
  const index = new Map(days.map((d, i) => [d, i]))
  const out: DaySpend[] = days.map((day) => ({ day, ...emptyBreakdown() }))
  for (const c of charges) {
    const part = chargeBreakdown(c)
    if (c.end <= c.start) {
      const slot = out[index.get(dayOf(c.start)) ?? -1]
      if (slot) addInto(slot, part)
      continue
    }
    for (let t = dayStart(dayOf(c.start)); t < c.end; t += DAY_S) {
      const slot = out[index.get(dayOf(t)) ?? -1]
      if (slot) addInto(slot, part, shareWithin(c, t, t + DAY_S))
    }
  }
  return out
}

export interface GroupSpend extends Breakdown {
  key: string
  rows: number
}

/** Spend per group (label, template, GPU model…), largest first. */
export function groupBy(charges: readonly Charge[], keyOf: (c: Charge) => string): GroupSpend[] {
  const groups = new Map<string, GroupSpend>()
  for (const c of charges) {
    const key = keyOf(c)
    let group = groups.get(key)
    if (!group) {
      group = { key, rows: 0, ...emptyBreakdown() }
      groups.set(key, group)
    }
    group.rows += 1
    addInto(group, chargeBreakdown(c))
  }
  return [...groups.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key))
}

/** Spend between two instants (unix s), rows counted by their share of time within. */
export function spendBetween(charges: readonly Charge[], from: number, to: number): number {
  let sum = 0
  for (const c of charges) sum += c.amount * shareWithin(c, from, to)
  return sum
}

export interface Projection {
  monthToDate: number
  /** Spend over the last 24 hours: the burn the projection carries forward. */
  perDay: number
  /** Month-to-date plus `perDay` for the rest of the month. */
  monthEnd: number
}

/**
 * Month-end projection from today's burn: month-to-date plus the last 24 hours' spend for every
 * remaining day of the month (`now` in unix seconds; the rows must cover the month so far).
 */
export function projectMonth(charges: readonly Charge[], now: number): Projection {
  const today = dayOf(now)
  const monthStart = dayStart(`${today.slice(0, 7)}-01`)
  const monthEndS = monthStart + daysInMonth(today) * DAY_S
  const monthToDate = spendBetween(charges, monthStart, now + 1)
  const burn = spendBetween(charges, now - DAY_S, now + 1)
  const remainingDays = Math.max(0, (monthEndS - now) / DAY_S)
  return { monthToDate, perDay: burn, monthEnd: monthToDate + burn * remainingDays }
}

/**
 * Storage paid while an instance was not running: rows with storage but no GPU time, plus the
 * storage of instances that are stopped now (`stoppedIds`).
 */
export function stoppedStorage(
  charges: readonly Charge[],
  stoppedIds: ReadonlySet<number>,
): number {
  let sum = 0
  for (const c of charges) {
    if (c.storage <= 0) continue
    if (c.gpu === 0 || (c.instanceId !== null && stoppedIds.has(c.instanceId))) sum += c.storage
  }
  return sum
}
