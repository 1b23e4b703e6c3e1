/**
 * Instance lifecycles. Nothing runs on timers: an instance remembers its last transition
 * (create, stop, start) and the time it happened, and its status is derived from the world
 * clock whenever it is read. Billing integrates the same timeline.
 */
import { hashString } from './rng'
import type { Row } from './responses'

/** How long each phase lasts, in model-clock milliseconds. */
export const LIFECYCLE_MS = {
  /** After rent: `actual_status: null`, no status_msg. */
  provisioning: 5_000,
  /** Then `loading` while the image is pulled (status_msg shows progress), then `running`. */
  loading: 20_000,
  /** After stop: still `running` (intended `stopped`), then `exited`. */
  stopping: 3_000,
  /**
   * After start: `stopped` (intended `running`) with "scheduling: waiting for GPUs"… Never
   * `exited`: Vast uses that for a container that exited unexpectedly, which does not come back.
   */
  scheduling: 3_000,
  /** …then `loading` again (image cached), then `running`. */
  restartLoading: 5_000,
  /** After `PUT /instances/reboot/{id}/`: `rebooting`, then running again. */
  rebooting: 5_000,
} as const

export type Phase =
  | 'provisioning'
  | 'loading'
  | 'running'
  | 'stopping'
  | 'stopped'
  | 'scheduling'
  | 'restarting'
  | 'rebooting'
  | 'failed'
  | 'outbid'

export type Transition =
  /** `loadingMs`: how long this machine pulls the image (a slow boot: slow-boots.ts). */
  | { kind: 'create'; at: number; loadingMs?: number }
  | { kind: 'stop'; at: number; from: Phase }
  | { kind: 'start'; at: number }
  /** docker stop/start in place, keeping the GPU (reference §6). */
  | { kind: 'reboot'; at: number }
  /** The container never started (OCI runtime error): stays `created`. */
  | { kind: 'fail'; at: number }
  /**
   * An interruptible instance paused by a higher bid (or created while it could not be
   * scheduled): actual `stopped`, intended still `running`, only its disk bills.
   */
  | { kind: 'outbid'; at: number }

interface Segment {
  /** Ms after the transition when this phase ends. */
  until: number
  phase: Phase
}

const M = LIFECYCLE_MS

/** How long a rental's first image pull lasts (the default, or its machine's slow boot). */
const loadingMs = (t: Transition) => (t.kind === 'create' ? (t.loadingMs ?? M.loading) : M.loading)

function timeline(t: Transition): Segment[] {
  switch (t.kind) {
    case 'create':
      return [
        { until: M.provisioning, phase: 'provisioning' },
        { until: M.provisioning + loadingMs(t), phase: 'loading' },
        { until: Infinity, phase: 'running' },
      ]
    case 'stop':
      return [
        { until: M.stopping, phase: 'stopping' },
        { until: Infinity, phase: 'stopped' },
      ]
    case 'start':
      return [
        { until: M.scheduling, phase: 'scheduling' },
        { until: M.scheduling + M.restartLoading, phase: 'restarting' },
        { until: Infinity, phase: 'running' },
      ]
    case 'reboot':
      return [
        { until: M.rebooting, phase: 'rebooting' },
        { until: Infinity, phase: 'running' },
      ]
    case 'fail':
      return [{ until: Infinity, phase: 'failed' }]
    case 'outbid':
      return [{ until: Infinity, phase: 'outbid' }]
  }
}

/** The phase at `now`, and when it began (ms). */
export function phaseAt(t: Transition, now: number): { phase: Phase; since: number } {
  const elapsed = Math.max(0, now - t.at)
  let start = 0
  for (const segment of timeline(t)) {
    if (elapsed < segment.until) return { phase: segment.phase, since: t.at + start }
    start = segment.until
  }
  return { phase: 'running', since: t.at + start }
}

/** Is the GPU billed in this phase? (Loading is free, reference §5.5.) */
export const gpuBilled = (t: Transition, phase: Phase) =>
  phase === 'running' ||
  phase === 'rebooting' ||
  (phase === 'stopping' && t.kind === 'stop' && t.from === 'running')

/** Dollars owed between `from` and `to` (ms) under transition `t`. */
export function costBetween(
  t: Transition,
  from: number,
  to: number,
  rates: { gpuHour: number; storageHour: number },
): number {
  let cost = 0
  let start = t.at
  for (const segment of timeline(t)) {
    const end = t.at + segment.until
    const overlap = Math.min(end, to) - Math.max(start, from)
    if (overlap > 0) {
      const rate = rates.storageHour + (gpuBilled(t, segment.phase) ? rates.gpuHour : 0)
      cost += (rate * overlap) / 3_600_000
    }
    start = end
  }
  return cost
}

export interface Template {
  id: number
  hashId: string
  name: string
}

export interface SimInstance {
  id: number
  offerId: number
  /** The offer's raw row as priced at rent time (hardware and price fields are copied from it). */
  offerRow: Row
  /** When the contract began (ms). */
  createdAt: number
  transition: Transition
  label: string | null
  image: string
  imageRuntype: string
  env: [string, string][]
  onstart: string | null
  disk: number
  gpuHour: number
  storageHour: number
  isBid: boolean
  ssh: { host: string; idx: string; port: number }
  /** Host-side port ranges; null when the offer has no direct ports. */
  directPortStart: number | null
  /** Container port key ("22/tcp") → host port, used only while running with direct ports. */
  portMap: [string, string][]
  jupyterToken: string
  apiKey: string
  template: Template | null
  localIps: string
  /** Ms up to which this instance's charges are already counted. */
  billedUntil: number
}

export const statusOf = (phase: Phase): string | null =>
  ({
    provisioning: null,
    loading: 'loading',
    running: 'running',
    stopping: 'running',
    stopped: 'exited',
    scheduling: 'stopped',
    restarting: 'loading',
    rebooting: 'rebooting',
    failed: 'created',
    outbid: 'stopped',
  })[phase]

const OCI_ERROR =
  'Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/opt/entry.sh": stat /opt/entry.sh: no such file or directory: unknown'

/** "pytorch/pytorch:2.4.0-cuda12.4" → "pytorch/pytorch". */
export const repoOf = (image: string) => image.replace(/:[^/:]*$/, '').replace(/@.*$/, '')
const baseMode = (runtype: string) =>
  /jupyter/.test(runtype) ? 'jupyter' : /ssh/.test(runtype) ? 'ssh' : 'args'

function pullProgress(image: string, fraction: number): string {
  const h = hashString(image)
  const layers = 6 + (h % 13)
  const totalGb = 2 + (h % 100) / 10
  const done = Math.min(layers, Math.floor(fraction * layers))
  return `Pulling image ${repoOf(image)}: ${done}/${layers} layers, ${(fraction * totalGb).toFixed(1)} GB/${totalGb.toFixed(1)} GB`
}

export function statusMessage(
  inst: SimInstance,
  phase: Phase,
  since: number,
  now: number,
): string | null {
  switch (phase) {
    case 'loading':
      return pullProgress(inst.image, Math.min(1, (now - since) / loadingMs(inst.transition)))
    case 'running':
    case 'stopping':
      return `success, running ${inst.image.replace(':', '_')}/${baseMode(inst.imageRuntype)}`
    case 'scheduling':
      return 'scheduling: waiting for GPUs'
    case 'restarting':
      return `Starting container: image ${repoOf(inst.image)} already present`
    case 'rebooting':
      return 'rebooting: restarting the container'
    case 'failed':
      return OCI_ERROR
    default:
      return null
  }
}
