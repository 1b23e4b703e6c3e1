/**
 * Local price history, the pure part: each search's offers become a snapshot of $/GPU-hour per
 * GPU model; snapshots give p10/median/p90 over time and "cheaper than N% seen" for a price.
 */
import type { Offer } from '../../api/offers/schemas'

/** Values kept per model per snapshot (evenly spread over the sorted prices). */
export const MAX_VALUES_PER_MODEL = 200
/** Snapshots kept; older ones are dropped first. */
export const MAX_SNAPSHOTS = 300

export interface Snapshot {
  /** Epoch ms. */
  at: number
  /** Pricing type of the search (on-demand, bid, reserved): prices are only compared within one. */
  type: string
  /** Sorted $/GPU-hour values per GPU model. */
  byModel: Record<string, number[]>
}

export interface ModelStats {
  p10: number
  median: number
  p90: number
  count: number
}

/** $ per GPU per hour, compute only (storage left out so offers compare fairly). */
export function perGpuHour(offer: Pick<Offer, 'dph_total' | 'storage_total_cost' | 'num_gpus'>) {
  const compute = offer.dph_total - (offer.storage_total_cost ?? 0)
  return offer.num_gpus > 0 ? compute / offer.num_gpus : compute
}

/** Linear-interpolated percentile of sorted values (p in 0–100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = (p / 100) * (sorted.length - 1)
  const low = Math.floor(rank)
  const high = Math.ceil(rank)
  const a = sorted[low] ?? Number.NaN
  const b = sorted[high] ?? a
  return a + (b - a) * (rank - low)
}

export function stats(values: readonly number[]): ModelStats | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((x, y) => x - y)
  return {
    p10: percentile(sorted, 10),
    median: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    count: sorted.length,
  }
}

/** Share (0–100) of `seen` prices strictly above `price`: "cheaper than N% seen". */
export function cheaperThanPercent(price: number, seen: readonly number[]): number | null {
  if (seen.length === 0) return null
  let above = 0
  for (const value of seen) if (value > price) above += 1
  return Math.round((above / seen.length) * 100)
}

function thin(sorted: number[]): number[] {
  if (sorted.length <= MAX_VALUES_PER_MODEL) return sorted
  const step = (sorted.length - 1) / (MAX_VALUES_PER_MODEL - 1)
  return Array.from({ length: MAX_VALUES_PER_MODEL }, (_, i) => sorted[Math.round(i * step)] ?? 0)
}

export function snapshotOf(offers: readonly Offer[], type: string, at: number): Snapshot {
  const groups: Record<string, number[]> = {}
  for (const offer of offers) {
    const value = perGpuHour(offer)
    if (!Number.isFinite(value) || value <= 0) continue
    ;(groups[offer.gpu_name] ??= []).push(value)
  }
  const byModel: Record<string, number[]> = {}
  for (const [model, values] of Object.entries(groups))
    byModel[model] = thin(values.sort((a, b) => a - b))
  return { at, type, byModel }
}

/** Per snapshot (oldest first) stats of one model and type: the sparkline's points. */
export function seriesOf(snapshots: readonly Snapshot[], model: string, type: string) {
  return snapshots
    .filter((s) => s.type === type && s.byModel[model]?.length)
    .map((s) => ({
      at: s.at,
      ...(stats(s.byModel[model] ?? []) ?? { p10: 0, median: 0, p90: 0, count: 0 }),
    }))
}

/** Every price seen for a model and type, across snapshots. */
export function seenPrices(snapshots: readonly Snapshot[], model: string, type: string): number[] {
  return snapshots.flatMap((s) => (s.type === type ? (s.byModel[model] ?? []) : []))
}

/** Reads an export back; anything unreadable is left out. */
export function parseSnapshots(value: unknown): Snapshot[] {
  const list =
    typeof value === 'object' && value !== null && 'snapshots' in value ? value.snapshots : value
  if (!Array.isArray(list)) return []
  const items: unknown[] = list
  const out: Snapshot[] = []
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue
    if (!('at' in item) || typeof item.at !== 'number' || !Number.isFinite(item.at)) continue
    if (!('type' in item) || typeof item.type !== 'string') continue
    if (!('byModel' in item) || typeof item.byModel !== 'object' || item.byModel === null) continue
    const byModel: Record<string, number[]> = {}
    for (const [model, values] of Object.entries(item.byModel)) {
      if (!Array.isArray(values)) continue
      const nums = values.filter(
        (v): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0,
      )
      if (nums.length) byModel[model.slice(0, 64)] = thin(nums.sort((a, b) => a - b))
    }
    out.push({ at: item.at, type: item.type, byModel })
  }
  return out.sort((a, b) => a.at - b.at).slice(-MAX_SNAPSHOTS)
}
