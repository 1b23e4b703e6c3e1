/**
 * Figures an instance row or card shows, stated no more precisely than they are known: its age
 * from `start_date`, its cost so far (a floor when GPU time is not reported), how long it has
 * been stopped as seen here, and times that carry a date once they are not today's.
 */
import type { Instance } from '../api/instances/schemas'
import { gpuBilling, gpuRate, storageRate } from '../domain/money/burn'
import { formatUsd } from '../domain/format'

type AgeFields = Pick<
  Instance,
  | 'start_date'
  | 'actual_status'
  | 'intended_status'
  | 'status_msg'
  | 'dph_total'
  | 'dph_base'
  | 'storage_total_cost'
>

/** "3 min", "26 h", "4 d": one unit, rounded down, for a glanceable age. */
export function formatAge(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 72) return `${hours} h`
  return `${Math.floor(hours / 24)} d`
}

/**
 * "up 26 h" while the GPU bills, "created 4 d ago" otherwise (a stopped instance's contract age
 * is not uptime); null when Vast sent no start date.
 */
export function ageText(instance: AgeFields, nowMs: number): string | null {
  const start = instance.start_date
  if (start == null || !Number.isFinite(start)) return null
  const age = formatAge(nowMs - start * 1000)
  return gpuBilling(instance) ? `up ${age}` : `created ${age} ago`
}

export interface CostSoFar {
  usd: number
  /** True: the figure is an estimate of the whole cost; false: a floor (some GPU time unknown). */
  estimate: boolean
  /** Why the figure is a floor, for the reader ("GPU time unknown"). */
  note: string | null
}

/** How close uptime must come to the age for the current run to count as the only one. */
const SAME_RUN_SLACK_MS = 15 * 60_000

/**
 * Storage for the whole age plus the GPU for the time Vast reports (`uptime_mins`, the current
 * run). An estimate only when the current run spans the instance's whole life; otherwise a floor
 * with the reason. Null without a start date or any rate.
 */
export function costSoFar(
  instance: AgeFields & { uptime_mins?: unknown },
  nowMs: number,
): CostSoFar | null {
  const start = instance.start_date
  if (start == null || !Number.isFinite(start)) return null
  const storage = storageRate(instance)
  const gpu = gpuRate(instance)
  if (storage === null && gpu === null) return null
  const ageMs = Math.max(0, nowMs - start * 1000)
  const uptimeMs =
    typeof instance.uptime_mins === 'number' && Number.isFinite(instance.uptime_mins)
      ? Math.min(ageMs, instance.uptime_mins * 60_000)
      : null
  const billing = gpuBilling(instance)
  const gpuMs = billing && uptimeMs !== null ? uptimeMs : 0
  const usd = ((storage ?? 0) * ageMs + (gpu ?? 0) * gpuMs) / 3_600_000
  if (storage === null) return { usd, estimate: false, note: 'storage price unknown' }
  if (billing && uptimeMs !== null && ageMs - uptimeMs <= SAME_RUN_SLACK_MS)
    return { usd, estimate: true, note: null }
  if (billing && uptimeMs !== null)
    return { usd, estimate: false, note: 'earlier runs not reported' }
  return { usd, estimate: false, note: 'GPU time unknown' }
}

/** "≈ $1.23", "≥ $0.09 (GPU time unknown)" or "—". */
export function costSoFarText(cost: CostSoFar | null): string {
  if (cost === null) return '—'
  if (cost.estimate) return `≈ ${formatUsd(cost.usd)}`
  return `≥ ${formatUsd(cost.usd)}${cost.note ? ` (${cost.note})` : ''}`
}

/**
 * How long a stopped instance has been stopped, as seen by this browser: "seen stopped 3 h ago",
 * "just seen stopped" under a minute, "—" when never seen stopping. Never "≥ 0 d".
 */
export function stoppedForText(stoppedSinceMs: number | null, nowMs: number): string {
  if (stoppedSinceMs === null) return '—'
  const ms = nowMs - stoppedSinceMs
  if (ms < 60_000) return 'seen just now'
  return `≥ ${formatAge(ms)}`
}

const clock = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' })
const dayMonthYear = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
})

/** "14:05" today, "28 Nov 14:05" on another day this year, "28 Nov 2025 14:05" before. */
export function formatWhen(atMs: number, nowMs: number): string {
  const at = new Date(atMs)
  const now = new Date(nowMs)
  const time = clock.format(at)
  if (at.toDateString() === now.toDateString()) return time
  const date = at.getFullYear() === now.getFullYear() ? dayMonth : dayMonthYear
  return `${date.format(at)} ${time}`
}
