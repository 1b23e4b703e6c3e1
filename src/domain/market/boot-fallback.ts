/**
 * Rent with fallback, the pure part: a rental's boot deadline (from the boots this browser
 * measured), whether it has passed, the next best match to rent instead, and whether the
 * automatic fallback may fire now. The fallback runs at most once per rental and never resends a
 * write; the code that sends lives in the instances feature.
 */
import type { UiStatus } from '../instance-status'
import { formatDuration, formatPrice } from '../format'
import { matchListing, rentCost } from '../money/rent-cost'
import { bootDeadlineSeconds, percentileOf } from './machine-memory'

/** Where a deadline comes from: this machine's boots here, its model's, or the default. */
export type DeadlineBasis = 'machine' | 'model' | 'default'

export interface BootDeadline {
  seconds: number
  basis: DeadlineBasis
  /** The median boot it was taken from (seconds), or null when none was measured here. */
  usualSeconds: number | null
}

/**
 * A rental's boot deadline: the p90 of this machine's boots here, else of its model's, else
 * 15 minutes (never under 3), with the usual (median) boot the card compares it with.
 */
export function bootDeadline(
  machineBoots: readonly number[],
  modelBoots: readonly number[],
): BootDeadline {
  const basis: DeadlineBasis =
    machineBoots.length > 0 ? 'machine' : modelBoots.length > 0 ? 'model' : 'default'
  const median = percentileOf(basis === 'machine' ? machineBoots : modelBoots, 50)
  return {
    seconds: bootDeadlineSeconds(machineBoots, modelBoots),
    basis,
    usualSeconds: median === null ? null : Math.round(median),
  }
}

/** Statuses in which a rental is not, or no longer, waiting for its first boot. */
const SETTLED: ReadonlySet<UiStatus> = new Set([
  'running',
  'stopping',
  'stopped',
  'paused',
  'rebooting',
  'outbid',
])

/**
 * The rental has not run by its deadline: it was never seen running, it is not stopped or paused
 * by the user, and the deadline (from the rent, on this browser's clock) has passed. A failed
 * start (an error, an exited container, an offline host) counts: it is not running either.
 */
export function bootOverdue(input: {
  rentedAt: number
  deadlineSeconds: number
  now: number
  status: UiStatus
  everRan: boolean
}): boolean {
  if (input.everRan || SETTLED.has(input.status)) return false
  return input.now - input.rentedAt >= input.deadlineSeconds * 1000
}

/** The offer fields the next best match is chosen by. */
export interface MatchCandidate {
  id: number
  machine_id?: number | null
  dph_base: number
  dph_total: number
  storage_cost: number
  disk_space?: number | null
}

export interface NextBestMatch<T> {
  offer: T
  /** $/hr with the rental's disk priced in. */
  perHour: number
}

/**
 * The next best match: the cheapest offer of a fresh search (same filters) that is not the
 * rental's machine (nor its offer), with room for the rental's disk; its $/hr with that disk
 * priced in (the list's own total when the disk is the one the search priced). Null when none.
 */
export function nextBestMatch<T extends MatchCandidate>(
  offers: readonly T[],
  rental: { machineId: number | null; offerId: number; diskGb: number; listedDiskGb: number },
): NextBestMatch<T> | null {
  let best: NextBestMatch<T> | null = null
  for (const offer of offers) {
    if (offer.id === rental.offerId) continue
    if (rental.machineId !== null && offer.machine_id === rental.machineId) continue
    if (offer.disk_space != null && offer.disk_space < rental.diskGb) continue
    const cost = rentCost({
      gpuPerHour: offer.dph_base,
      storageCostPerGbMonth: offer.storage_cost,
      diskGb: rental.diskGb,
    })
    const perHour = matchListing(
      cost,
      { dphTotal: offer.dph_total, diskGb: rental.listedDiskGb },
      rental.diskGb,
    ).totalPerHour
    if (Number.isFinite(perHour) && (best === null || perHour < best.perHour))
      best = { offer, perHour }
  }
  return best
}

/** Whether the automatic fallback may fire for a rental now, and if not, why. */
export type AutoFallbackDecision = { fire: true } | { fire: false; reason: string | null }

/**
 * The automatic path fires only for a rental that opted in, is overdue and has not had its one
 * fallback; never while the instance list cannot be read afresh (a rejected key, Vast failing).
 * A null reason means there is nothing to say (not opted in, not due, already done).
 */
export function autoFallbackDecision(input: {
  auto: boolean
  spent: boolean
  overdue: boolean
  /** The error of the fresh instance-list read, or null when it was read. */
  listError: string | null
}): AutoFallbackDecision {
  if (!input.auto || input.spent || !input.overdue) return { fire: false, reason: null }
  if (input.listError !== null)
    return { fire: false, reason: `Waiting for Vast to answer: ${input.listError}` }
  return { fire: true }
}

/** "15 min", "4 min 30 s", "45 s": boots and their deadlines are minutes, hours rarely. */
export function bootDuration(seconds: number): string {
  if (seconds >= 3600) return formatDuration(seconds)
  const m = Math.floor(seconds / 60)
  const s = Math.round(seconds % 60)
  if (m === 0) return `${s} s`
  return s === 0 ? `${m} min` : `${m} min ${s} s`
}

/** The card's sentence: "Not running after 15 min — usually boots in 4 min here". */
export function overdueText(deadline: { seconds: number; usualSeconds: number | null }): string {
  const after = `Not running after ${bootDuration(deadline.seconds)}`
  return deadline.usualSeconds === null
    ? `${after} — no boot of this machine or GPU model was measured here yet`
    : `${after} — usually boots in ${bootDuration(deadline.usualSeconds)} here`
}

/** One line for what a fallback would rent: "offer 123: 1× RTX 4090 in Oslo, NO at $0.400/hr". */
export function matchText(
  offer: { id: number; num_gpus: number; gpu_name: string; geolocation?: string | null },
  perHour: number,
): string {
  const where = offer.geolocation ? ` in ${offer.geolocation}` : ''
  return `offer ${offer.id}: ${offer.num_gpus}× ${offer.gpu_name}${where} at ${formatPrice(perHour)}/hr`
}
