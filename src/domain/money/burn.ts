/**
 * Money arithmetic for the instances side: what the account burns per hour now, how long the
 * credit lasts at that rate, what each instance has cost so far (approximate) and what stopped
 * instances keep billing. Pure functions over parsed instances; nothing is stored.
 *
 * Rates (reference §5.3, §6.1): `dph_total` is $/hr all in (GPU + storage) while the GPU bills;
 * `storage_total_cost` is $/hr for the disk, billed from creation until destroy, stopped or not;
 * `dph_base` is the GPU part. Loading is not charged for the GPU.
 */
import { uiStatus, type UiStatus } from '../instance-status'
import type { InstanceFields as Instance } from '../fields'

type Rates = Pick<Instance, 'dph_total' | 'dph_base' | 'storage_total_cost'>
export type CostFields = Rates & Pick<Instance, 'actual_status' | 'intended_status' | 'status_msg'>

/** States in which the GPU is billed: running, paused (frozen keeps the GPU) and stopping a running box. */
const GPU_BILLED: ReadonlySet<UiStatus> = new Set(['running', 'paused', 'stopping'])

export const gpuBilling = (instance: CostFields): boolean => GPU_BILLED.has(uiStatus(instance))

const finite = (value: number | null | undefined): number | null =>
  value == null || !Number.isFinite(value) ? null : value

/** Storage $/hr, or null when unknown. */
export const storageRate = (instance: Rates): number | null => finite(instance.storage_total_cost)

/** The GPU part in $/hr: `dph_base`, else `dph_total − storage`. */
export function gpuRate(instance: Rates): number | null {
  const base = finite(instance.dph_base)
  if (base !== null) return base
  const total = finite(instance.dph_total)
  if (total === null) return null
  return Math.max(0, total - (storageRate(instance) ?? 0))
}

/**
 * What this instance bills per hour now: GPU + storage while the GPU bills, storage alone
 * otherwise. `known` is false when a rate it needs is missing (the number is then a floor).
 */
export function burnOf(instance: CostFields): { perHour: number; known: boolean } {
  const storage = storageRate(instance)
  if (gpuBilling(instance)) {
    const total = finite(instance.dph_total)
    if (total !== null) return { perHour: total, known: true }
    const gpu = gpuRate(instance)
    return { perHour: (gpu ?? 0) + (storage ?? 0), known: gpu !== null && storage !== null }
  }
  return { perHour: storage ?? 0, known: storage !== null }
}

export interface Burn {
  /** $/hr now, all instances: running GPUs plus all storage. */
  perHour: number
  /** Of which GPUs (running, paused, stopping). */
  gpuPerHour: number
  /** Of which storage (every instance that exists). */
  storagePerHour: number
  gpuCount: number
  /** Instances whose rates are missing: the figure is then a floor. */
  unknown: number
}

export function burnRate(instances: readonly CostFields[]): Burn {
  const burn: Burn = { perHour: 0, gpuPerHour: 0, storagePerHour: 0, gpuCount: 0, unknown: 0 }
  for (const instance of instances) {
    const { perHour, known } = burnOf(instance)
    if (!known) burn.unknown += 1
    const storage = storageRate(instance) ?? 0
    burn.perHour += perHour
    burn.storagePerHour += storage
    if (gpuBilling(instance)) {
      burn.gpuCount += 1
      burn.gpuPerHour += Math.max(0, perHour - storage)
    }
  }
  return burn
}

/**
 * Hours until the credit runs out at `perHour`: 0 when the credit is gone, Infinity when nothing
 * bills, null when the credit is unknown.
 */
export function runwayHours(credit: number | null | undefined, perHour: number): number | null {
  if (credit == null || !Number.isFinite(credit)) return null
  if (credit <= 0) return 0
  if (!(perHour > 0)) return Infinity
  return credit / perHour
}

/** "3 d 4 h", "5 h 12 min", "42 min", "< 1 min", "no spend"; null → "—". */
export function formatRunway(hours: number | null): string {
  if (hours === null) return '—'
  if (hours === Infinity) return 'no spend'
  if (hours <= 0) return 'credit used up'
  const minutes = Math.floor(hours * 60)
  if (minutes < 1) return '< 1 min'
  const d = Math.floor(minutes / 1440)
  const h = Math.floor((minutes % 1440) / 60)
  const m = minutes % 60
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`
  return `${m} min`
}

/**
 * What an instance has cost since its contract started, approximately: storage for its whole
 * age plus the GPU for the current run (`uptime_mins`). Earlier runs before a stop are not
 * reported by the API, so the figure is a floor. Null when no start date or rate is known.
 */
export function accruedCost(
  instance: CostFields & Pick<Instance, 'start_date'> & { uptime_mins?: unknown },
  nowMs: number,
): number | null {
  const start = finite(instance.start_date)
  if (start === null) return null
  const ageHours = Math.max(0, nowMs / 1000 - start) / 3600
  const storage = storageRate(instance)
  const gpu = gpuRate(instance)
  if (storage === null && gpu === null) return null
  const uptime = typeof instance.uptime_mins === 'number' ? instance.uptime_mins : null
  const gpuHours = gpuBilling(instance) ? Math.min(ageHours, uptime === null ? 0 : uptime / 60) : 0
  return (storage ?? 0) * ageHours + (gpu ?? 0) * gpuHours
}

/** What the disk costs per day (`storage_total_cost` is $/hr), or null when unknown. */
export function storagePerDay(instance: Pick<Instance, 'storage_total_cost'>): number | null {
  const hourly = instance.storage_total_cost
  return hourly == null || !Number.isFinite(hourly) ? null : hourly * 24
}

/** What running instances cost together right now, in $/hr (unknown prices are left out). */
export function runningSummary(instances: readonly CostFields[]): {
  running: number
  perHour: number
} {
  let running = 0
  let perHour = 0
  for (const instance of instances) {
    if (uiStatus(instance) !== 'running') continue
    running += 1
    perHour += instance.dph_total ?? 0
  }
  return { running, perHour }
}

export interface StillBillingRow {
  id: number
  label: string | null
  /** Storage in $/day, or null when unknown. */
  perDay: number | null
  /** Days since this browser first saw it stopped (null: not known). */
  daysStopped: number | null
  /** When this browser first saw it stopped (ms), or null. */
  stoppedSince: number | null
}

/** Stopped instances: they keep billing storage until destroyed. */
export function stillBilling(
  instances: readonly (CostFields & Pick<Instance, 'id' | 'label'>)[],
  stoppedSince: (id: number) => number | null,
  nowMs: number,
): { rows: StillBillingRow[]; perDay: number } {
  const rows: StillBillingRow[] = []
  let perDay = 0
  for (const instance of instances) {
    if (uiStatus(instance) !== 'stopped') continue
    const storage = storageRate(instance)
    const since = stoppedSince(instance.id)
    rows.push({
      id: instance.id,
      label: instance.label ?? null,
      perDay: storage === null ? null : storage * 24,
      daysStopped: since === null ? null : Math.max(0, (nowMs - since) / 86_400_000),
      stoppedSince: since,
    })
    perDay += storage === null ? 0 : storage * 24
  }
  rows.sort((a, b) => (b.perDay ?? 0) - (a.perDay ?? 0))
  return { rows, perDay }
}
