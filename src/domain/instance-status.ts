/**
 * One UI state from Vast's actual_status / intended_status pair (reference §5.5), the rules
 * that follow from it (polling, which actions apply) and the SSH command rule (§5.4).
 */
import type { InstanceFields as Instance } from './fields'

export type UiStatus =
  | 'provisioning'
  | 'loading'
  | 'running'
  | 'starting'
  | 'stopping'
  | 'stopped'
  | 'rebooting'
  | 'scheduling'
  | 'paused'
  | 'host_offline'
  | 'outbid'
  | 'exited'
  | 'error'
  | 'unknown'

export const STATUS_LABELS: Record<UiStatus, string> = {
  provisioning: 'Provisioning',
  loading: 'Loading image…',
  running: 'Running',
  starting: 'Starting',
  stopping: 'Stopping',
  stopped: 'Stopped',
  rebooting: 'Rebooting',
  scheduling: 'Waiting for GPUs',
  paused: 'Paused',
  host_offline: 'Host offline',
  outbid: 'Outbid — storage still billing',
  exited: 'Exited unexpectedly — storage still billing',
  error: 'Error',
  unknown: 'Unknown',
}

type StatusFields = Pick<Instance, 'actual_status' | 'intended_status' | 'status_msg' | 'is_bid'>

const ERROR_MSG =
  /OCI runtime create failed|error response from daemon|failed to (create|start|pull)|no such image|manifest unknown/i

export function uiStatus(instance: StatusFields): UiStatus {
  const actual = (instance.actual_status ?? '').toLowerCase()
  const intended = (instance.intended_status ?? 'running').toLowerCase()
  const msg = instance.status_msg ?? ''
  switch (actual) {
    case '':
    case 'created':
      if (ERROR_MSG.test(msg)) return 'error'
      return intended === 'stopped' ? 'stopped' : 'provisioning'
    case 'loading':
      if (ERROR_MSG.test(msg)) return 'error'
      return 'loading'
    case 'running':
      return intended === 'stopped' ? 'stopping' : intended === 'frozen' ? 'paused' : 'running'
    case 'exited':
    case 'stopped':
      if (intended === 'stopped') return 'stopped'
      if (ERROR_MSG.test(msg)) return 'error'
      // Interruptible and paused by a higher bid: waits for the market, its disk bills
      // (docs instance-types.mdx). A restart on its way reads "scheduling" instead.
      if (instance.is_bid === true && !/scheduling/i.test(msg)) return 'outbid'
      // Vast: `exited` = "Container process exited unexpectedly"; it never reaches running by
      // itself while its disk keeps billing (docs show-instances.mdx, hello-world.mdx).
      return actual === 'exited' ? 'exited' : 'starting'
    case 'rebooting':
    case 'restarting':
      return 'rebooting'
    case 'scheduling':
      return 'scheduling'
    case 'frozen':
      return 'paused'
    case 'unknown':
    case 'offline':
      return 'host_offline'
    default:
      return 'unknown'
  }
}

/** Words for the status, with unknown raw values shown as they came. */
export function statusLabel(instance: StatusFields): string {
  const status = uiStatus(instance)
  if (status === 'unknown') return `Unknown (${instance.actual_status ?? 'none'})`
  return STATUS_LABELS[status]
}

const TRANSITIONING: ReadonlySet<UiStatus> = new Set([
  'provisioning',
  'loading',
  'starting',
  'stopping',
  'rebooting',
  'scheduling',
])

/** Changing by itself: worth polling fast. Error, offline and unknown never settle alone. */
export const isTransitioning = (instance: StatusFields) => TRANSITIONING.has(uiStatus(instance))

export const canStop = (instance: StatusFields) => {
  const s = uiStatus(instance)
  return (
    s === 'running' ||
    s === 'loading' ||
    s === 'provisioning' ||
    s === 'paused' ||
    s === 'starting' ||
    s === 'scheduling'
  )
}
export const canStart = (instance: StatusFields) => {
  const s = uiStatus(instance)
  return (
    s === 'stopped' ||
    s === 'exited' ||
    (s === 'error' && (instance.intended_status ?? '') === 'stopped')
  )
}
export const canDestroy = () => true

const STORAGE_ONLY: ReadonlySet<UiStatus> = new Set(['stopped', 'exited', 'outbid'])

/** Not running a container: only its disk bills. */
export const billsStorageOnly = (instance: StatusFields) => STORAGE_ONLY.has(uiStatus(instance))

/** SSH: direct through ports["22/tcp"] and the public IP when present, else the proxy. */
export function sshCommand(
  instance: Pick<Instance, 'ports' | 'public_ipaddr' | 'ssh_host' | 'ssh_port' | 'image_runtype'>,
): { command: string; kind: 'direct' | 'proxy' } | null {
  const direct = instance.ports?.['22/tcp']?.[0]?.HostPort
  const ip = instance.public_ipaddr?.trim()
  if (direct !== undefined && Number.isInteger(direct) && direct > 0 && ip) {
    return { command: `ssh -p ${direct} root@${ip}`, kind: 'direct' }
  }
  const host = instance.ssh_host?.trim()
  const port = instance.ssh_port
  if (host && port !== null && port !== undefined && Number.isInteger(port) && port > 0) {
    const jupyter = /jupyter/i.test(instance.image_runtype ?? '')
    return { command: `ssh -p ${jupyter ? port + 1 : port} root@${host}`, kind: 'proxy' }
  }
  return null
}
