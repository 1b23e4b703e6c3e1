/**
 * The fleet at a glance, for the header on every tab: what runs, what it bills per hour, how long
 * the credit lasts, what stopped instances keep billing, and which instances need the user
 * (the count `document.title` carries). Pure functions over parsed instances.
 */
import type { InstanceFields as Instance } from './fields'
import { uiStatus, type UiStatus } from './instance-status'
import { burnRate, runwayHours, stillBilling, type CostFields } from './money/burn'

/** Below this many hours of runway the fleet line turns red. */
export const LOW_RUNWAY_HOURS = 24
/** The contract's end is warned about this long before (and again at END_SOON_MS). */
export const END_WARN_MS = 24 * 3600_000
export const END_SOON_MS = 3600_000

type FleetFields = CostFields & Pick<Instance, 'id' | 'label'> & { end_date?: number | null }

export interface FleetSummary {
  running: number
  /** $/hr now: running GPUs plus every instance's storage. */
  perHour: number
  /** Hours of credit at that rate (Infinity: nothing bills; null: credit unknown). */
  runway: number | null
  /** Red: under LOW_RUNWAY_HOURS while something bills. */
  low: boolean
  stopped: number
  /** What the stopped ones bill together per day (storage). */
  stoppedPerDay: number
  /** Instances without a price: the figures are then floors. */
  unknown: number
}

export function fleetSummary(
  instances: readonly FleetFields[],
  credit: number | null | undefined,
): FleetSummary {
  const burn = burnRate(instances)
  const billing = stillBilling(instances, () => null, 0)
  const runway = runwayHours(credit, burn.perHour)
  return {
    running: instances.filter((i) => uiStatus(i) === 'running').length,
    perHour: burn.perHour,
    runway,
    low: runway !== null && runway < LOW_RUNWAY_HOURS && burn.perHour > 0,
    stopped: billing.rows.length,
    stoppedPerDay: billing.perDay,
    unknown: burn.unknown,
  }
}

/** Milliseconds until the contract ends (Vast deletes the data after it), or null when none. */
export function contractLeftMs(
  instance: { end_date?: number | null },
  nowMs: number,
): number | null {
  const end = instance.end_date
  if (end == null || !Number.isFinite(end) || end <= 0) return null
  return end * 1000 - nowMs
}

/** Which end-of-contract warning is due: '1h' inside the last hour, '24h' inside the last day. */
export function endWarning(
  instance: { end_date?: number | null },
  nowMs: number,
): '24h' | '1h' | null {
  const left = contractLeftMs(instance, nowMs)
  if (left === null) return null
  if (left <= END_SOON_MS) return '1h'
  if (left <= END_WARN_MS) return '24h'
  return null
}

const ATTENTION: ReadonlySet<UiStatus> = new Set(['error', 'host_offline', 'outbid', 'exited'])

/**
 * Instances that need the user: failed, host offline, an interruptible one stopped by a higher
 * bid (it waits with its storage billing), or a contract ending within a day.
 */
export function needsAttention(
  instance: FleetFields & { is_bid?: boolean | null },
  nowMs: number,
): boolean {
  const status = uiStatus(instance)
  if (ATTENTION.has(status)) return true
  return endWarning(instance, nowMs) !== null
}

export const attentionCount = (
  instances: readonly (FleetFields & { is_bid?: boolean | null })[],
  nowMs: number,
): number => instances.filter((i) => needsAttention(i, nowMs)).length

/**
 * An interruptible instance the user wants running that Vast holds stopped or exited: outbid
 * (the status rule in instance-status.ts; a restart on its way reads "scheduling" instead).
 */
export function isOutbid(
  instance: Pick<Instance, 'actual_status' | 'intended_status' | 'status_msg'> & {
    is_bid?: boolean | null
  },
): boolean {
  return uiStatus(instance) === 'outbid'
}

/** "(2) Vast GPU Console" when two need attention; the plain title otherwise. */
export const titleWithCount = (base: string, count: number): string =>
  count > 0 ? `(${count}) ${base}` : base
