/**
 * The seeded marketplace: a small PRNG, a catalogue of real GPU models (names as Vast spells
 * them, VRAM as Vast reports it in MB) and the per-query pricing of an offer (reference §3.5).
 */
import type { Json, Row } from './responses'

export type Rng = () => number
type NonEmpty<T> = readonly [T, ...T[]]

/** mulberry32: tiny, fast and good enough for seeded fixtures. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const between = (rng: Rng, lo: number, hi: number) => lo + rng() * (hi - lo)
export const intBetween = (rng: Rng, lo: number, hi: number) => Math.floor(between(rng, lo, hi + 1))
export const chance = (rng: Rng, p: number) => rng() < p
export const pick = <T>(rng: Rng, items: NonEmpty<T>): T =>
  items[Math.floor(rng() * items.length)] ?? items[0]
export const hex = (rng: Rng, length: number) =>
  Array.from({ length }, () => Math.floor(rng() * 16).toString(16)).join('')
export const round = (value: number, digits: number) => {
  const f = 10 ** digits
  return Math.round(value * f) / f
}
/** A stable 32-bit hash of a string (FNV-1a), for values derived from names. */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h
}

interface GpuModel {
  name: string
  /** Per-GPU VRAM in MB, as Vast reports it (a 24 GB card reads 24564). */
  ram: number
  arch: 'nvidia' | 'amd'
  computeCap: number
  /** On-demand $/hr per GPU, low and high. */
  price: readonly [number, number]
  dlperf: number
  tflops: number
  memBw: number
  power: number
  nvlink: number
  weight: number
  counts: readonly [number, ...number[]]
  datacenter: boolean
}

const gpu = (
  name: string,
  ram: number,
  computeCap: number,
  price: readonly [number, number],
  perf: { dlperf: number; tflops: number; memBw: number; power: number; nvlink?: number },
  weight: number,
  counts: readonly [number, ...number[]],
  datacenter = false,
  arch: 'nvidia' | 'amd' = 'nvidia',
): GpuModel => ({
  name,
  ram,
  arch,
  computeCap,
  price,
  nvlink: 0,
  ...perf,
  weight,
  counts,
  datacenter,
})

// prettier-ignore
export const GPU_MODELS: NonEmpty<GpuModel> = [
  gpu('RTX 4090', 24564, 890, [0.25, 0.6], { dlperf: 78, tflops: 82.6, memBw: 1008, power: 450 }, 22, [1, 1, 1, 2, 2, 4, 8]),
  gpu('RTX 3090', 24576, 860, [0.12, 0.3], { dlperf: 41, tflops: 35.6, memBw: 936, power: 350 }, 14, [1, 1, 2, 4, 8]),
  gpu('RTX 5090', 32607, 1200, [0.5, 1.05], { dlperf: 112, tflops: 104.8, memBw: 1792, power: 575 }, 9, [1, 1, 2, 4, 8]),
  gpu('RTX 3080', 10240, 860, [0.05, 0.14], { dlperf: 27, tflops: 29.8, memBw: 760, power: 320 }, 4, [1, 2, 4]),
  gpu('RTX 3060', 12288, 860, [0.04, 0.09], { dlperf: 14, tflops: 12.7, memBw: 360, power: 170 }, 3, [1, 1, 2]),
  gpu('RTX A6000', 49140, 860, [0.35, 0.6], { dlperf: 45, tflops: 38.7, memBw: 768, power: 300, nvlink: 56 }, 7, [1, 2, 4, 8]),
  gpu('RTX 6000Ada', 49140, 890, [0.65, 1.0], { dlperf: 92, tflops: 91.1, memBw: 960, power: 300 }, 5, [1, 2, 4, 8], true),
  gpu('A40', 46068, 860, [0.3, 0.5], { dlperf: 42, tflops: 37.4, memBw: 696, power: 300, nvlink: 56 }, 4, [1, 2, 4, 8], true),
  gpu('L40S', 46068, 890, [0.55, 0.95], { dlperf: 88, tflops: 91.6, memBw: 864, power: 350 }, 5, [1, 2, 4, 8], true),
  gpu('A100 PCIE', 81920, 800, [0.7, 1.2], { dlperf: 100, tflops: 19.5, memBw: 1935, power: 300 }, 4, [1, 2, 4, 8], true),
  gpu('A100 SXM4', 81920, 800, [0.8, 1.4], { dlperf: 107, tflops: 19.5, memBw: 2039, power: 400, nvlink: 284 }, 5, [1, 2, 4, 8], true),
  gpu('H100 PCIE', 81559, 900, [1.4, 2.1], { dlperf: 250, tflops: 51.2, memBw: 2000, power: 350 }, 4, [1, 2, 4, 8], true),
  gpu('H100 SXM', 81559, 900, [1.6, 2.6], { dlperf: 301, tflops: 66.9, memBw: 3350, power: 700, nvlink: 372 }, 6, [1, 2, 4, 8, 8], true),
  gpu('H200', 143771, 900, [2.3, 3.5], { dlperf: 320, tflops: 66.9, memBw: 4800, power: 700, nvlink: 450 }, 2, [1, 8], true),
  gpu('Tesla V100', 16384, 700, [0.1, 0.25], { dlperf: 30, tflops: 15.7, memBw: 900, power: 300, nvlink: 150 }, 3, [1, 2, 4, 8], true),
  gpu('Tesla T4', 15360, 750, [0.05, 0.12], { dlperf: 11, tflops: 8.1, memBw: 320, power: 70 }, 2, [1, 2, 4], true),
  gpu('InstinctMI250X', 65520, 0, [0.6, 1.1], { dlperf: 90, tflops: 47.9, memBw: 1638, power: 500 }, 2, [1, 2, 4, 8], true, 'amd'),
]

/** The GPU names the market knows (`GET /api/v0/gpu_names/unique/`). */
export const gpuNames = () => GPU_MODELS.map((m) => m.name).sort((a, b) => a.localeCompare(b))

interface Cpu {
  name: string
  cores: number
  ghz: number
}
interface Driver {
  version: string
  cuda: number
}

// prettier-ignore
const REGIONS: NonEmpty<string> = [
  'Texas, US', 'California, US', 'Washington, US', 'Virginia, US', 'Oregon, US', 'Nevada, US',
  'Ontario, CA', 'Quebec, CA', 'Bavaria, DE', 'Hesse, DE', 'Stockholm, SE', 'North Holland, NL',
  'England, GB', 'Île-de-France, FR', 'Masovia, PL', 'Prague, CZ', 'Oslo, NO', 'Uusimaa, FI',
  'Tokyo, JP', 'Seoul, KR', 'Singapore, SG', 'New South Wales, AU', 'São Paulo, BR', 'Taipei, TW',
]

const CONSUMER_CPUS: NonEmpty<Cpu> = [
  { name: 'AMD Ryzen 9 7950X 16-Core Processor', cores: 32, ghz: 5.1 },
  { name: 'AMD Ryzen Threadripper PRO 5975WX 32-Cores', cores: 64, ghz: 4.5 },
  { name: 'Intel Core i9-13900K', cores: 32, ghz: 5.5 },
  { name: 'AMD EPYC 7543 32-Core Processor', cores: 128, ghz: 3.7 },
]
const SERVER_CPUS: NonEmpty<Cpu> = [
  { name: 'AMD EPYC 7763 64-Core Processor', cores: 256, ghz: 3.5 },
  { name: 'Xeon® Platinum 8480+', cores: 224, ghz: 3.8 },
  { name: 'AMD EPYC 9654 96-Core Processor', cores: 384, ghz: 3.7 },
  { name: 'Intel Xeon Gold 6338 CPU @ 2.00GHz', cores: 128, ghz: 3.2 },
]
// prettier-ignore
const DISKS: NonEmpty<string> = [
  'SAMSUNG MZQL23T8HCLS', 'Micron 7450', 'SAMSUNG MZWLO7T6HBLA', 'WD_BLACK SN850X 2000GB',
  'KINGSTON SFYRD4000G', 'INTEL SSDPE2KX040T8', 'Samsung SSD 990 PRO 4TB',
]
// prettier-ignore
const MOBOS: NonEmpty<string> = [
  'ROMED8-2T', 'H12DSG-O-CPU', 'X13DEG-OAD', 'ROG STRIX X670E-E GAMING WIFI',
  'Pro WS WRX80E-SAGE SE WIFI', 'MZ73-LM0-000', 'B650M PG Riptide',
]
const DRIVERS: NonEmpty<Driver> = [
  { version: '535.183.01', cuda: 12.2 },
  { version: '550.127.05', cuda: 12.4 },
  { version: '560.35.03', cuda: 12.6 },
  { version: '570.133.07', cuda: 12.8 },
  { version: '575.57.08', cuda: 12.9 },
  { version: '580.65.06', cuda: 13.0 },
]
const NEW_DRIVERS: NonEmpty<Driver> = [
  { version: '570.133.07', cuda: 12.8 },
  { version: '575.57.08', cuda: 12.9 },
  { version: '580.65.06', cuda: 13.0 },
]
const IP_PREFIXES: NonEmpty<string> = ['192.0.2.', '198.51.100.', '203.0.113.']

/** "570.133.07" → 570133007: each part zero-padded to 3 digits (reference §3.3). */
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

export type OfferType = 'on-demand' | 'bid' | 'reserved'

export interface Pricing {
  type: OfferType
  /** GB of disk the price includes. */
  allocatedStorage: number
  nowMs: number
  /** The market's price factor at `nowMs` (price-wave.ts); 1 when absent. */
  factor?: number
}

/** The price object Vast attaches as `search` and `instance`. */
export function priceObject(gpuHour: number, diskHour: number, discountRate = 0): Row {
  const total = gpuHour + diskHour
  return {
    gpuCostPerHour: round(gpuHour, 8),
    diskHour: round(diskHour, 8),
    totalHour: round(total, 8),
    discountTotalHour: round(total * discountRate, 8),
    discountedTotalPerHour: round(total * (1 - discountRate), 8),
  }
}

/**
 * The query-dependent fields: storage_total_cost = GB × storage_cost / 720 and
 * dph_total = dph_base + storage_total_cost. Interruptible (`bid`) searches price at min_bid.
 * Small on purpose: searches filter and sort on these plus `offer.fields` without copying rows.
 */
export function priceFields(offer: Offer, pricing: Pricing): Row {
  const bid = pricing.type === 'bid'
  const gpuHour = (bid ? offer.minBid : offer.dphBase) * (pricing.factor ?? 1)
  const storageHour = (pricing.allocatedStorage * offer.storageCost) / 720
  const total = gpuHour + storageHour
  const discountRate = pricing.type === 'reserved' ? offer.discountRate : 0
  return {
    discount_rate: discountRate,
    discounted_dph_total: round(total * (1 - discountRate), 8),
    discounted_hourly: discountRate > 0 ? round(gpuHour * (1 - discountRate), 8) : 0,
    dlperf_per_dphtotal: round(offer.dlperf / total, 4),
    dph_base: round(gpuHour, 8),
    dph_total: round(total, 8),
    dph_total_adj: round(total, 8),
    duration: round(offer.endDate - pricing.nowMs / 1000, 1),
    flops_per_dphtotal: round(offer.totalFlops / total, 4),
    is_bid: bid,
    min_bid: round(offer.minBid * (pricing.factor ?? 1), 8),
    storage_total_cost: round(storageHour, 8),
    vram_costperhour: Number((gpuHour / offer.gpuTotalRam).toPrecision(6)),
  }
}

/** The full raw row for one query, with the `search`/`instance` price objects. */
export function pricedRow(
  offer: Offer,
  pricing: Pricing,
  prices: Row = priceFields(offer, pricing),
): Row {
  const gpuHour = prices.dph_base
  const storageHour = prices.storage_total_cost
  const discountRate = prices.discount_rate
  const priceObj =
    typeof gpuHour === 'number' && typeof storageHour === 'number'
      ? priceObject(gpuHour, storageHour, typeof discountRate === 'number' ? discountRate : 0)
      : null
  return { ...offer.fields, ...prices, instance: priceObj, search: priceObj }
}

/** The row as it goes on the wire: a few numbers sent as numeric strings, like the raw API. */
export function withWireQuirks(offer: Offer, row: Row): Row {
  if (offer.stringified.length === 0) return row
  const out: Row = { ...row }
  for (const field of offer.stringified) {
    const value: Json | undefined = out[field]
    if (typeof value === 'number') out[field] = String(value)
  }
  return out
}
