/**
 * Pure view helpers for instance cards: the words and numbers a card shows, derived from the
 * parsed Instance during render (never stored).
 */
import { statusLabel, uiStatus, type UiStatus } from '../domain/instance-status'
import { stripAutoStopMarker } from '../domain/auto-stop'
import type { Instance } from '../api/instances/schemas'

/** "Instance 27400001", or "Instance 27400001 · my-label" when a label is set. */
export function instanceTitle(instance: Pick<Instance, 'id' | 'label'>): string {
  const label = stripAutoStopMarker(instance.label)
  return label ? `Instance ${instance.id} · ${label}` : `Instance ${instance.id}`
}

/** "1× RTX 4090"; the name alone when the count is unknown. */
export function gpuText(instance: Pick<Instance, 'num_gpus' | 'gpu_name'>): string {
  const name = instance.gpu_name?.trim() || 'Unknown GPU'
  const count = instance.num_gpus
  return count != null && count > 0 ? `${count}× ${name}` : name
}

const gb = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 })

/** Allocated disk, `disk_space` being GB already. */
export function diskText(instance: Pick<Instance, 'disk_space'>): string {
  return instance.disk_space == null ? '—' : `${gb.format(instance.disk_space)} GB`
}

export type StatusTone = 'ok' | 'busy' | 'idle' | 'warn' | 'bad'

const TONES: Record<UiStatus, StatusTone> = {
  running: 'ok',
  provisioning: 'busy',
  loading: 'busy',
  starting: 'busy',
  stopping: 'busy',
  rebooting: 'busy',
  scheduling: 'busy',
  stopped: 'idle',
  paused: 'idle',
  host_offline: 'warn',
  unknown: 'warn',
  exited: 'bad',
  outbid: 'warn',
  error: 'bad',
}

export const statusTone = (status: UiStatus): StatusTone => TONES[status]

export type InstanceActionId = 'start' | 'stop' | 'destroy'

/**
 * Why an action cannot run now, in words for the disabled button, or null when it can.
 * `allowed` is the capability rule from api/instance-status (canStart, canStop, canDestroy).
 */
export function blockedReason(
  action: InstanceActionId,
  instance: Pick<Instance, 'actual_status' | 'intended_status' | 'status_msg'>,
  allowed: boolean,
): string | null {
  if (allowed) return null
  const status = uiStatus(instance)
  if (action === 'stop') {
    switch (status) {
      case 'stopped':
        return 'Already stopped.'
      case 'stopping':
        return 'Already stopping.'
      case 'rebooting':
        return 'Wait until the reboot has finished.'
      case 'host_offline':
        return 'The host is offline; it cannot be stopped now.'
      case 'error':
        return 'The instance failed; destroy it to end billing.'
      default:
        return `Cannot stop while the status is ${statusLabel(instance)}.`
    }
  }
  if (action === 'start') {
    switch (status) {
      case 'running':
        return 'Already running.'
      case 'provisioning':
      case 'loading':
      case 'starting':
      case 'scheduling':
      case 'rebooting':
        return 'Already starting.'
      case 'stopping':
        return 'Wait until it has stopped.'
      case 'host_offline':
        return 'The host is offline; it cannot be started now.'
      case 'error':
        return 'The instance failed; destroy it to end billing.'
      default:
        return 'Only a stopped instance can be started.'
    }
  }
  return 'This instance cannot be destroyed now.'
}

/** Each instance's status in words, keyed by id: what the live region compares between renders. */
export function statusSnapshot(instances: readonly Instance[]): Map<number, string> {
  return new Map(instances.map((instance) => [instance.id, statusLabel(instance)]))
}

/** Sentences for what changed between two snapshots, e.g. "Instance 27400001 is now Running". */
export function describeStatusChanges(
  previous: ReadonlyMap<number, string>,
  next: ReadonlyMap<number, string>,
): string[] {
  const lines: string[] = []
  for (const [id, label] of next) {
    if (previous.get(id) !== label) lines.push(`Instance ${id} is now ${label}`)
  }
  for (const id of previous.keys()) {
    if (!next.has(id)) lines.push(`Instance ${id} is no longer listed`)
  }
  return lines
}

const clock = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
})

/** HH:MM:SS in local time, for "showing data from …". */
export const formatClock = (epochMs: number): string => clock.format(epochMs)
