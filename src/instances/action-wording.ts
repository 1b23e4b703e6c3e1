/**
 * The words of every instance action's confirmation: one card's Stop and Destroy, the bulk bar's
 * Stop, Start and Destroy, and the still-billing list's Destroy. A stop says storage keeps
 * billing (with its price); a destroy says the data is deleted and what billing ends.
 */
import { formatRate } from '../domain/format'
import { stripMarkers } from '../domain/watchdog-rules'

export interface ConfirmWording {
  title: string
  body: string
  confirmLabel: string
}

/** ` "my-label"` (without the internal auto-stop marker), or nothing without a label. */
const quoted = (label: string | null | undefined) => {
  const text = stripMarkers(label)
  return text ? ` "${text}"` : ''
}

export function stopWording(target: {
  id: number
  label?: string | null
  storagePerDay: number | null
}): ConfirmWording {
  const storage =
    target.storagePerDay == null ? 'rate unknown' : formatRate(target.storagePerDay, 'day')
  return {
    title: `Stop instance ${target.id}?`,
    body:
      `GPU billing for instance ${target.id}${quoted(target.label)} stops, but storage keeps billing (${storage}) ` +
      'until you destroy it. Data on its disk is kept, and you can start it again later ' +
      'if the GPU is still free.',
    confirmLabel: 'Stop',
  }
}

/** Destroying a live instance: all its billing ends (its $/hr now, when known). */
export function destroyWording(target: {
  id: number
  label?: string | null
  gpu: string
  perHour: number | null
}): ConfirmWording {
  const price = target.perHour == null ? '' : ` (${formatRate(target.perHour)} now)`
  return {
    title: `Destroy instance ${target.id}?`,
    body:
      `All data on instance ${target.id}${quoted(target.label)} (${target.gpu}) is deleted. This cannot be undone. ` +
      `All billing for it ends${price}.`,
    confirmLabel: 'Destroy',
  }
}

/** Destroying a stopped instance: its storage billing ends (per day, when known). */
export function destroyStoppedWording(target: {
  id: number
  label?: string | null
  storagePerDay: number | null
}): ConfirmWording {
  const price = target.storagePerDay === null ? '' : ` (${formatRate(target.storagePerDay, 'day')})`
  return {
    title: `Destroy instance ${target.id}?`,
    body:
      `All data on instance ${target.id}${quoted(target.label)} is deleted. ` +
      `This cannot be undone. Its storage billing ends${price}.`,
    confirmLabel: 'Destroy',
  }
}

export type BulkKind = 'stop' | 'start' | 'destroy'

export const BULK_VERB: Record<BulkKind, { label: string; past: string; pp: string }> = {
  stop: { label: 'Stop', past: 'Stopping', pp: 'stopped' },
  start: { label: 'Start', past: 'Starting', pp: 'started' },
  destroy: { label: 'Destroy', past: 'Destroyed', pp: 'destroyed' },
}

const instances = (n: number) => `${n} ${n === 1 ? 'instance' : 'instances'}`

/**
 * One confirmation for a bulk action over `names` (already written as `27400001 "label"`).
 * `perHour` is what the destroyed ones bill now; `storagePerDay` what the stopped ones keep billing.
 */
export function bulkWording(
  kind: BulkKind,
  target: { names: string[]; skipped: number; perHour: number; storagePerDay: number },
): ConfirmWording {
  const count = target.names.length
  const names = target.names.join(', ')
  const skipText =
    target.skipped > 0
      ? ` ${target.skipped} selected cannot be ${BULK_VERB[kind].pp} now and are skipped.`
      : ''
  let body: string
  if (kind === 'destroy') {
    body = `Destroy ${instances(count)}: ${names}. All their data is deleted; this cannot be undone. Their billing ends (${formatRate(target.perHour)} now).${skipText}`
  } else if (kind === 'stop') {
    body = `Stop ${instances(count)}: ${names}. GPU billing stops, storage keeps billing (${formatRate(target.storagePerDay, 'day')} together) until destroyed.${skipText}`
  } else {
    body = `Start ${instances(count)}: ${names}. GPU billing resumes once each is running.${skipText}`
  }
  return {
    title: `${BULK_VERB[kind].label} ${instances(count)}?`,
    body,
    confirmLabel: `${BULK_VERB[kind].label} ${count}`,
  }
}
