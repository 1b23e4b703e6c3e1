/**
 * Instance lifecycles. Nothing runs on timers: an instance remembers its last transition
 * (create, stop, start) and the time it happened, and its status is derived from the world
 * clock whenever it is read. Billing integrates the same timeline.
 */
import { hashString, priceObject, round } from './offer-seed'
import type { Json, Row } from './responses'

/** How long each phase lasts, in model-clock milliseconds. */
export const LIFECYCLE_MS = {
  /** After rent: `actual_status: null`, no status_msg. */
  provisioning: 5_000,
  /** Then `loading` while the image is pulled (status_msg shows progress), then `running`. */
  loading: 20_000,
  /** After stop: still `running` (intended `stopped`), then `exited`. */
  stopping: 3_000,
  /** After start: `exited` with "scheduling: waiting for GPUs"… */
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

export type Transition =
  | { kind: 'create'; at: number }
  | { kind: 'stop'; at: number; from: Phase }
  | { kind: 'start'; at: number }
  /** docker stop/start in place, keeping the GPU (reference §6). */
  | { kind: 'reboot'; at: number }
  /** The container never started (OCI runtime error): stays `created`. */
  | { kind: 'fail'; at: number }

interface Segment {
  /** Ms after the transition when this phase ends. */
  until: number
  phase: Phase
}

const M = LIFECYCLE_MS

function timeline(t: Transition): Segment[] {
  switch (t.kind) {
    case 'create':
      return [
        { until: M.provisioning, phase: 'provisioning' },
        { until: M.provisioning + M.loading, phase: 'loading' },
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
const gpuBilled = (t: Transition, phase: Phase) =>
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

const statusOf = (phase: Phase): string | null =>
  ({
    provisioning: null,
    loading: 'loading',
    running: 'running',
    stopping: 'running',
    stopped: 'exited',
    scheduling: 'exited',
    restarting: 'loading',
    rebooting: 'rebooting',
    failed: 'created',
  })[phase]

const OCI_ERROR =
  'Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/opt/entry.sh": stat /opt/entry.sh: no such file or directory: unknown'

/** "pytorch/pytorch:2.4.0-cuda12.4" → "pytorch/pytorch". */
const repoOf = (image: string) => image.replace(/:[^/:]*$/, '').replace(/@.*$/, '')
const baseMode = (runtype: string) =>
  /jupyter/.test(runtype) ? 'jupyter' : /ssh/.test(runtype) ? 'ssh' : 'args'

function pullProgress(image: string, fraction: number): string {
  const h = hashString(image)
  const layers = 6 + (h % 13)
  const totalGb = 2 + (h % 100) / 10
  const done = Math.min(layers, Math.floor(fraction * layers))
  return `Pulling image ${repoOf(image)}: ${done}/${layers} layers, ${(fraction * totalGb).toFixed(1)} GB/${totalGb.toFixed(1)} GB`
}

function statusMessage(inst: SimInstance, phase: Phase, since: number, now: number): string | null {
  switch (phase) {
    case 'loading':
      return pullProgress(inst.image, Math.min(1, (now - since) / M.loading))
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

/** Gauge readings that wobble every 10 s but stay the same for the same instance and moment. */
function gauge(inst: SimInstance, now: number, salt: string, lo: number, hi: number): number {
  const h = hashString(`${inst.id}:${salt}:${Math.floor(now / 10_000)}`)
  return round(lo + ((h % 10_000) / 10_000) * (hi - lo), 2)
}

const num = (row: Row, field: string, fallback = 0): number => {
  const value = row[field]
  return typeof value === 'number' ? value : fallback
}

/** Hardware and machine fields an instance copies from the offer it was rented from. */
// prettier-ignore
const COPIED_FIELDS = [
  'bundle_id', 'bw_nvlink', 'compute_cap', 'cpu_arch', 'cpu_cores', 'cpu_cores_effective', 'cpu_name',
  'credit_discount_max', 'cuda_max_good', 'direct_port_count', 'disk_bw', 'disk_name', 'dlperf',
  'driver_version', 'end_date', 'external', 'geolocation', 'gpu_arch', 'gpu_frac', 'gpu_lanes',
  'gpu_mem_bw', 'gpu_name', 'gpu_ram', 'host_id', 'hosting_type', 'inet_down', 'inet_up', 'logo',
  'machine_id', 'min_bid', 'mobo_name', 'num_gpus', 'os_version', 'pci_gen', 'pcie_bw',
  'public_ipaddr', 'reliability2', 'rentable', 'score', 'static_ip', 'storage_cost', 'total_flops',
  'verification', 'webpage',
] as const

/** The raw instance object, as `GET /api/v1/instances/` and `GET /api/v0/instances/{id}/` return it. */
export function instanceRow(inst: SimInstance, now: number): Row {
  const t = inst.transition
  const { phase, since } = phaseAt(t, now)
  /** Stopped before it ever ran: keeps showing the earlier status until the stop completes. */
  const stoppedEarly = phase === 'stopping' && t.kind === 'stop' && t.from !== 'running'
  const actual = statusOf(stoppedEarly && t.kind === 'stop' ? t.from : phase)
  const intended = t.kind === 'stop' ? 'stopped' : 'running'
  const live = phase === 'running' || (phase === 'stopping' && !stoppedEarly)
  const billedGpu = gpuBilled(t, phase)
  const row = inst.offerRow
  const copied: Row = {}
  for (const field of COPIED_FIELDS) copied[field] = row[field] ?? null
  const total = inst.gpuHour + inst.storageHour
  const cpuRam = Math.round(num(row, 'cpu_ram') * num(row, 'gpu_frac', 1))
  const ranOnce = phase !== 'provisioning' && phase !== 'failed'
  const uptimeMs = phase === 'running' ? now - since : 0
  const diskUsage = round(
    Math.min(inst.disk * 0.9, 4 + ((hashString(String(inst.id)) % 400) / 100) * inst.disk * 0.1),
    1,
  )
  const ports: Json =
    live && inst.directPortStart !== null && inst.portMap.length > 0
      ? Object.fromEntries(
          inst.portMap.map(([key, hostPort]) => [key, [{ HostIp: '0.0.0.0', HostPort: hostPort }]]),
        )
      : null
  return {
    ...copied,
    actual_status: actual,
    client_run_time: 1.0,
    country_code: null,
    cpu_ram: cpuRam,
    cpu_util: live ? gauge(inst, now, 'cpu', 1, 12) : phase === 'provisioning' ? null : 0,
    credit_balance: null,
    credit_discount: null,
    cur_state: intended,
    direct_port_end: inst.directPortStart === null ? -1 : inst.directPortStart + 99,
    direct_port_start: inst.directPortStart ?? -1,
    disk_space: inst.disk,
    disk_usage: ranOnce && phase !== 'loading' && phase !== 'restarting' ? diskUsage : -1,
    disk_util:
      ranOnce && phase !== 'loading' && phase !== 'restarting'
        ? round(diskUsage / inst.disk, 4)
        : -1,
    dlperf_per_dphtotal: round(num(row, 'dlperf') / total, 4),
    dph_base: round(inst.gpuHour, 8),
    dph_total: round(total, 8),
    duration: round((now - inst.createdAt) / 1000, 2),
    extra_env: inst.env,
    flops_per_dphtotal: round(num(row, 'total_flops') / total, 4),
    gpu_temp: live ? gauge(inst, now, 'temp', 48, 82) : null,
    gpu_totalram: num(row, 'gpu_total_ram'),
    gpu_util: live ? gauge(inst, now, 'gpu', 35, 100) : phase === 'stopped' ? 0 : null,
    host_run_time: 2592000.0,
    id: inst.id,
    image_args: [],
    image_runtype: inst.imageRuntype,
    image_uuid: inst.image,
    inet_down_billed: ranOnce ? Math.floor(uptimeMs / 40) : null,
    inet_up_billed: ranOnce ? Math.floor(uptimeMs / 400) : null,
    instance: priceObject(billedGpu ? inst.gpuHour : 0, inst.storageHour),
    intended_status: intended,
    is_bid: inst.isBid,
    jupyter_token: ranOnce ? inst.jupyterToken : '',
    label: inst.label,
    local_ipaddrs: inst.localIps,
    machine_dir_ssh_port: inst.ssh.port + 1,
    mem_limit: live || phase === 'stopped' ? round(cpuRam / 1018.4, 2) : null,
    mem_usage: live ? gauge(inst, now, 'mem', 2, (cpuRam / 1018.4) * 0.6) : null,
    next_state: intended,
    onstart: inst.onstart,
    ports,
    search: priceObject(inst.gpuHour, inst.storageHour),
    ssh_host: inst.ssh.host,
    ssh_idx: inst.ssh.idx,
    ssh_port: inst.ssh.port,
    start_date: round(inst.createdAt / 1000, 2),
    status_msg: stoppedEarly ? null : statusMessage(inst, phase, since, now),
    storage_total_cost: round(inst.storageHour, 8),
    template_hash_id: inst.template?.hashId ?? null,
    template_id: inst.template?.id ?? null,
    template_name: inst.template?.name ?? null,
    time_remaining: '',
    time_remaining_isbid: '',
    uptime_mins: phase === 'running' ? round(uptimeMs / 60_000, 1) : null,
    vmem_usage: live ? gauge(inst, now, 'vmem', 1, num(row, 'gpu_ram') / 1024) : null,
    volume_info: [],
    vram_costperhour: Number(
      (inst.gpuHour / Math.max(1, num(row, 'gpu_total_ram', 1))).toPrecision(6),
    ),
  }
}
