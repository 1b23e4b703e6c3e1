/**
 * Market memory, the pure part: what this browser saw of each machine (price, reliability,
 * availability over time), of each GPU model (price by hour of day and day of week) and of each
 * boot it watched (rent → running). Bounded everywhere: the oldest entries are dropped first.
 */

/** Sightings kept per machine. */
export const MAX_SIGHTINGS_PER_MACHINE = 48
/** Machines kept; the ones seen longest ago are dropped first. */
export const MAX_MACHINES = 5_000
/** Boots kept; the oldest are dropped first. */
export const MAX_BOOTS = 1_000
/** Boot deadline when nothing was measured here. */
export const DEFAULT_BOOT_DEADLINE_S = 15 * 60
/** A boot deadline is never shorter than this, however fast the past boots were. */
export const MIN_BOOT_DEADLINE_S = 3 * 60
/** Reliability moves smaller than this are "steady". */
export const RELIABILITY_STEP = 0.005

export interface MachineSighting {
  /** Epoch ms. */
  at: number
  /** $/hr of the whole offer (dph_total). */
  price: number
  /** 0–1, when the offer reported one. */
  reliability: number | null
  /** GPUs offered in this sighting (availability). */
  gpus: number
}

export interface MachineMemory {
  machineId: number
  model: string
  lastSeen: number
  sightings: MachineSighting[]
}

/** Count, sum and lowest of $/GPU-hour samples in one hour-of-day or day-of-week bucket. */
export interface Bucket {
  n: number
  sum: number
  /** Null while empty. */
  min: number | null
}

export interface ModelMemory {
  /** `${type}|${model}`. */
  key: string
  model: string
  type: string
  /** 24 buckets, local hour of day. */
  byHour: Bucket[]
  /** 7 buckets, local day of week (0 = Sunday). */
  byWeekday: Bucket[]
}

export interface BootRecord {
  instanceId: number
  machineId: number | null
  model: string
  /** When it was first seen running (epoch ms). */
  at: number
  /** Rent → running, seconds. */
  seconds: number
}

/** What the memory holds about one offer's machine, ready for the table. */
export interface SeenFacts {
  usualPrice: number | null
  sightings: number
  reliabilityTrend: 'up' | 'down' | 'steady' | null
  lastBootSeconds: number | null
}

export interface OfferSighting {
  machineId: number
  model: string
  price: number
  reliability: number | null
  gpus: number
}

export function addSighting(
  memory: MachineMemory | undefined,
  seen: OfferSighting,
  at: number,
): MachineMemory {
  const sightings = [
    ...(memory?.sightings ?? []),
    { at, price: seen.price, reliability: seen.reliability, gpus: seen.gpus },
  ]
  return {
    machineId: seen.machineId,
    model: seen.model,
    lastSeen: at,
    sightings: sightings.slice(-MAX_SIGHTINGS_PER_MACHINE),
  }
}

/**
 * One machine's sightings from two sources (the stored row and one recorded since, or an
 * imported one), merged by time: a time on both sides counts once; the newest are kept.
 */
export function mergeMachines(
  mine: MachineMemory | undefined,
  other: MachineMemory,
): MachineMemory {
  const times = new Set(mine?.sightings.map((s) => s.at))
  const sightings = [...(mine?.sightings ?? []), ...other.sightings.filter((s) => !times.has(s.at))]
    .sort((a, b) => a.at - b.at)
    .slice(-MAX_SIGHTINGS_PER_MACHINE)
  return { ...other, lastSeen: Math.max(other.lastSeen, mine?.lastSeen ?? 0), sightings }
}

const sumBuckets = (a: readonly Bucket[], b: readonly Bucket[]): Bucket[] =>
  a.map((x, i) => {
    const y = b[i]
    if (!y || y.n === 0) return x
    if (x.n === 0) return y
    return { n: x.n + y.n, sum: x.sum + y.sum, min: Math.min(x.min ?? Infinity, y.min ?? Infinity) }
  })

/** A model's samples from two disjoint sources (stored, and recorded before it was read). */
export function addModels(stored: ModelMemory | undefined, recorded: ModelMemory): ModelMemory {
  if (!stored) return recorded
  return {
    ...recorded,
    byHour: sumBuckets(stored.byHour, recorded.byHour),
    byWeekday: sumBuckets(stored.byWeekday, recorded.byWeekday),
  }
}

const emptyBuckets = (n: number): Bucket[] =>
  Array.from({ length: n }, () => ({ n: 0, sum: 0, min: null }))

function addTo(bucket: Bucket | undefined, value: number): Bucket {
  const b = bucket ?? { n: 0, sum: 0, min: null }
  return { n: b.n + 1, sum: b.sum + value, min: b.min === null ? value : Math.min(b.min, value) }
}

/** Adds one sample ($/GPU-hour) at `at` (the local hour and weekday of `at`). */
export function addModelSample(
  memory: ModelMemory | undefined,
  model: string,
  type: string,
  value: number,
  at: number,
): ModelMemory {
  const date = new Date(at)
  const byHour = [...(memory?.byHour ?? emptyBuckets(24))]
  const byWeekday = [...(memory?.byWeekday ?? emptyBuckets(7))]
  byHour[date.getHours()] = addTo(byHour[date.getHours()], value)
  byWeekday[date.getDay()] = addTo(byWeekday[date.getDay()], value)
  return { key: `${type}|${model}`, model, type, byHour, byWeekday }
}

export const bucketMean = (bucket: Bucket | undefined): number | null =>
  bucket && bucket.n > 0 ? bucket.sum / bucket.n : null

/** Indices of the buckets with the lowest mean price, cheapest first (empty ones left out). */
export function cheapestBuckets(buckets: readonly Bucket[], count = 3): number[] {
  return buckets
    .map((bucket, index) => ({ index, mean: bucketMean(bucket) }))
    .filter((b): b is { index: number; mean: number } => b.mean !== null)
    .sort((a, b) => a.mean - b.mean || a.index - b.index)
    .slice(0, count)
    .map((b) => b.index)
}

/** Hours of the day (0–23) with the lowest mean price, cheapest first. */
export const cheapestHours = (memory: ModelMemory, count = 3): number[] =>
  cheapestBuckets(memory.byHour, count)

/** Linear-interpolated percentile of unsorted values (p in 0–100), or null for none. */
export function percentileOf(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (p / 100) * (sorted.length - 1)
  const low = sorted[Math.floor(rank)] ?? 0
  const high = sorted[Math.ceil(rank)] ?? low
  return low + (high - low) * (rank - Math.floor(rank))
}

export function reliabilityTrend(
  sightings: readonly MachineSighting[],
): SeenFacts['reliabilityTrend'] {
  const values = sightings.flatMap((s) => (s.reliability === null ? [] : [s.reliability]))
  const first = values[0]
  const last = values.at(-1)
  if (first === undefined || last === undefined || values.length < 2) return null
  if (last - first >= RELIABILITY_STEP) return 'up'
  if (first - last >= RELIABILITY_STEP) return 'down'
  return 'steady'
}

/**
 * The table's facts for a machine. The offer being shown is usually the latest sighting, so the
 * usual price needs at least two sightings to say anything.
 */
export function seenFacts(
  memory: MachineMemory | undefined,
  boots: readonly BootRecord[],
): SeenFacts | null {
  const lastBoot = boots.reduce<BootRecord | null>(
    (latest, b) => (latest === null || b.at > latest.at ? b : latest),
    null,
  )
  const sightings = memory?.sightings ?? []
  if (sightings.length < 2 && !lastBoot) return null
  return {
    usualPrice:
      sightings.length >= 2
        ? percentileOf(
            sightings.map((s) => s.price),
            50,
          )
        : null,
    sightings: sightings.length,
    reliabilityTrend: reliabilityTrend(sightings),
    lastBootSeconds: lastBoot?.seconds ?? null,
  }
}

/**
 * Boot deadline (seconds) for a rental: the p90 of this machine's boots here, else of this
 * model's, else 15 minutes; never under MIN_BOOT_DEADLINE_S.
 */
export function bootDeadlineSeconds(
  machineBoots: readonly number[],
  modelBoots: readonly number[],
): number {
  const p90 = percentileOf(machineBoots.length ? machineBoots : modelBoots, 90)
  return p90 === null ? DEFAULT_BOOT_DEADLINE_S : Math.max(MIN_BOOT_DEADLINE_S, Math.round(p90))
}

/** A status this browser saw and when it first saw it. */
export interface StatusSighting {
  status: string
  at: number
}

/** Statuses that come before an instance's first running, after a rent. */
const BOOTING = new Set(['scheduling', 'provisioning', 'loading', 'starting'])

/**
 * Rent → running in seconds, when this browser watched the boot: it saw the instance booting
 * first and then running. `startDate` is the contract start (epoch seconds), which is the rent.
 * Null when the instance was already running when first seen, or has not run yet.
 */
export function bootSeconds(
  history: readonly StatusSighting[],
  startDateS: number | null | undefined,
): number | null {
  const first = history[0]
  if (!first || !BOOTING.has(first.status) || !startDateS) return null
  const running = history.find((s) => s.status === 'running')
  if (!running) return null
  const seconds = Math.round((running.at - startDateS * 1000) / 1000)
  return seconds >= 0 && seconds < 7 * 86_400 ? seconds : null
}
