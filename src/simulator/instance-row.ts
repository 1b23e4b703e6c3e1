/** The raw instance object the simulator sends, derived from its lifecycle at a moment. */
import { hashString, round } from './rng'
import { priceObject } from './offer-pricing'
import type { Json, Row } from './responses'
import { phaseAt, gpuBilled, type SimInstance, statusOf, statusMessage } from './lifecycle'

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
