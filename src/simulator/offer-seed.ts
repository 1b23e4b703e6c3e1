/**
 * The seeded marketplace: offers drawn from the catalogue (gpu-catalogue.ts) with the seeded
 * PRNG (rng.ts); the per-query pricing is in offer-pricing.ts (reference §3.5).
 */
import type { Row } from './responses'
import {
  GPU_MODELS,
  REGIONS,
  CONSUMER_CPUS,
  SERVER_CPUS,
  DISKS,
  MOBOS,
  DRIVERS,
  NEW_DRIVERS,
  IP_PREFIXES,
  type GpuModel,
} from './gpu-catalogue'
import { between, chance, hashString, intBetween, mulberry32, pick, round, type Rng } from './rng'

export function driverNumber(version: string): number {
  return Number(
    version
      .split('.')
      .map((part) => part.padStart(3, '0'))
      .join(''),
  )
}

export interface Offer {
  id: number
  /** Raw fields that do not depend on the query. */
  fields: Row
  dphBase: number
  minBid: number
  /** $/GB/month. */
  storageCost: number
  discountRate: number
  dlperf: number
  totalFlops: number
  gpuTotalRam: number
  /** Unix seconds. */
  endDate: number
  directPorts: number
  /** Fields this row sends as numeric strings (a raw-API quirk the client must tolerate). */
  stringified: readonly string[]
}

function weightedModel(rng: Rng): GpuModel {
  const total = GPU_MODELS.reduce((sum, m) => sum + m.weight, 0)
  let roll = rng() * total
  for (const model of GPU_MODELS) {
    roll -= model.weight
    if (roll < 0) return model
  }
  return GPU_MODELS[0]
}

function generateOffer(rng: Rng, id: number, nowSec: number): Offer {
  const model = weightedModel(rng)
  const numGpus = pick(rng, model.counts)
  const machineGpus = Math.max(numGpus, pick(rng, [1, 2, 4, 8, 8]))
  const datacenter = model.datacenter ? chance(rng, 0.6) : chance(rng, 0.1)
  const cpu = pick(rng, datacenter ? SERVER_CPUS : CONSUMER_CPUS)
  const driver = model.name === 'RTX 5090' ? pick(rng, NEW_DRIVERS) : pick(rng, DRIVERS)
  const amd = model.arch === 'amd'
  const driverVersion = amd ? '6.3.4' : driver.version
  const reliability = round(1 - rng() ** 2 * (datacenter ? 0.03 : 0.1), 4)
  const verified = chance(rng, datacenter ? 0.95 : 0.7)
  const dphBase = round(between(rng, model.price[0], model.price[1]) * numGpus, 3)
  const directPorts = chance(rng, 0.15) ? 0 : pick(rng, [20, 49, 99, 199, 499, 999])
  const duration = chance(rng, 0.12)
    ? between(rng, 3600 * 6, 86400 * 3)
    : between(rng, 86400 * 3, 86400 * 180)
  const hostRamGb = pick(rng, [
    2048,
    ...[64, 128, 256, 512, 1024].filter((gb) => gb >= numGpus * 32),
  ])
  const diskSpace = round(between(rng, 30, chance(rng, 0.3) ? 400 : 4000), 1)
  const inetDown = round(between(rng, 80, datacenter ? 10000 : 2000), 1)
  const inetCost = round(pick(rng, [0, 0.001, 0.002, 0.004, 0.006, 0.01, 0.02]), 3)
  const gpuFrac = numGpus / machineGpus
  const cpuCores = cpu.cores
  const geolocation = pick(rng, REGIONS)
  const ipTail = intBetween(rng, 1, 254)
  const publicIp = `${pick(rng, IP_PREFIXES)}${ipTail}${chance(rng, 0.1) ? ' ' : ''}`
  const hasVolume = chance(rng, 0.6)
  const machineId = intBetween(rng, 10000, 60000)
  const dlperf = round(model.dlperf * numGpus * between(rng, 0.9, 1.02), 2)
  const totalFlops = round(model.tflops * numGpus, 2)
  const gpuTotalRam = model.ram * numGpus
  const stringified = chance(rng, 0.08) ? ['inet_up', 'inet_down', 'disk_bw', 'cpu_ram'] : []
  const fields: Row = {
    ask_contract_id: id,
    avail_vol_ask_id: hasVolume ? id + intBetween(rng, 1, 40) : null,
    avail_vol_dph: hasVolume ? round(between(rng, 0.0001, 0.0006), 5) : null,
    avail_vol_size: hasVolume ? round(between(rng, 100, 2000), 1) : null,
    bundle_id: 602_000_000 + Math.floor(id / 7),
    bundled_results: null,
    bw_nvlink: numGpus > 1 ? round(model.nvlink * between(rng, 0.95, 1.0), 1) : 0,
    cluster_id: null,
    compute_cap: model.computeCap,
    cpu_arch: 'amd64',
    cpu_cores: chance(rng, 0.06) ? null : cpuCores,
    cpu_cores_effective: round(cpuCores * gpuFrac, 1),
    cpu_ghz: cpu.ghz,
    cpu_name: cpu.name,
    cpu_ram: Math.round(hostRamGb * 1006.086),
    credit_discount_max: 0.4,
    cuda_max_good: amd ? 0 : driver.cuda,
    direct_port_count: directPorts,
    disk_bw: round(between(rng, 800, 7000), 1),
    disk_name: pick(rng, DISKS),
    disk_space: diskSpace,
    dlperf,
    driver_vers: driverNumber(driverVersion),
    driver_version: driverVersion,
    end_date: round(nowSec + duration, 1),
    expected_reliability: reliability,
    external: chance(rng, 0.03) ? null : chance(rng, 0.05),
    geolocation,
    geolocode: hashString(geolocation) % 5_000_000,
    gpu_arch: model.arch,
    gpu_display_active: !datacenter && chance(rng, 0.1),
    gpu_frac: gpuFrac,
    gpu_ids: Array.from({ length: numGpus }, (_, i) => machineId * 10 + i),
    gpu_lanes: pick(rng, [8, 16, 16, 16]),
    gpu_max_power: model.power,
    gpu_max_temp: intBetween(rng, 82, 90),
    gpu_mem_bw: round(model.memBw * between(rng, 0.85, 0.97), 1),
    gpu_name: model.name,
    gpu_ram: model.ram,
    gpu_total_ram: gpuTotalRam,
    has_avx: 1,
    host_id: intBetween(rng, 80000, 250000),
    hosting_type: datacenter ? 1 : 0,
    hostname: null,
    id,
    inet_down: inetDown,
    inet_down_cost: inetCost,
    inet_up: round(inetDown * between(rng, 0.5, 1.0), 1),
    inet_up_cost: inetCost,
    internet_down_cost_per_tb: round(inetCost * 1024, 3),
    internet_up_cost_per_tb: round(inetCost * 1024, 3),
    is_vm_deverified: false,
    logo: '/static/logos/vastai_small2.png',
    machine_id: machineId,
    mobo_name: pick(rng, MOBOS),
    num_gpus: numGpus,
    nw_disk_avg_bw: null,
    nw_disk_max_bw: null,
    nw_disk_min_bw: null,
    os_version: pick(rng, ['22.04', '22.04', '22.04', '24.04', '20.04']),
    pci_gen: model.computeCap >= 890 || model.name.startsWith('H') ? 5 : 4,
    pcie_bw: round(between(rng, 11, model.computeCap >= 890 ? 52 : 26), 1),
    platform_fee: 0,
    public_ipaddr: publicIp,
    reliability,
    reliability2: reliability,
    reliability_mult: round(reliability ** 2, 4),
    rentable: !chance(rng, 0.03),
    rented: false,
    resource_type: 'gpu',
    score: round((dlperf / dphBase) * reliability, 1),
    start_date: round(nowSec - between(rng, 86400, 86400 * 200), 1),
    static_ip: datacenter || chance(rng, 0.4),
    storage_cost: round(between(rng, 0.05, 0.4), 3),
    time_remaining: '',
    time_remaining_isbid: '',
    total_flops: totalFlops,
    vericode: verified ? 1 : 0,
    verification: verified ? 'verified' : 'unverified',
    vms_enabled: datacenter && chance(rng, 0.3),
    webpage: null,
  }
  return {
    id,
    fields,
    dphBase,
    minBid: round(dphBase * between(rng, 0.35, 0.75), 3),
    storageCost: typeof fields.storage_cost === 'number' ? fields.storage_cost : 0.1,
    discountRate: round(between(rng, 0.1, 0.4), 2),
    dlperf,
    totalFlops,
    gpuTotalRam,
    endDate: nowSec + duration,
    directPorts,
    stringified,
  }
}

/** `count` offers, the same for the same seed (timestamps are relative to `nowMs`). */
export function generateOffers(seed: number, count: number, nowMs: number): Offer[] {
  const rng = mulberry32(seed)
  const offers: Offer[] = []
  let id = 19_000_000 + intBetween(rng, 0, 50_000)
  for (let i = 0; i < count; i += 1) {
    id += intBetween(rng, 1, 4000)
    offers.push(generateOffer(rng, id, nowMs / 1000))
  }
  return offers
}
