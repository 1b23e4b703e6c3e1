/** The catalogue offers are drawn from: real GPU models (names as Vast spells them, VRAM in MB
 * as Vast reports it), CPUs, disks, boards, drivers and address prefixes. */
import type { NonEmpty } from './rng'

export interface GpuModel {
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

export interface Cpu {
  name: string
  cores: number
  ghz: number
}
export interface Driver {
  version: string
  cuda: number
}

// prettier-ignore
export const REGIONS: NonEmpty<string> = [
  'Texas, US', 'California, US', 'Washington, US', 'Virginia, US', 'Oregon, US', 'Nevada, US',
  'Ontario, CA', 'Quebec, CA', 'Bavaria, DE', 'Hesse, DE', 'Stockholm, SE', 'North Holland, NL',
  'England, GB', 'Île-de-France, FR', 'Masovia, PL', 'Prague, CZ', 'Oslo, NO', 'Uusimaa, FI',
  'Tokyo, JP', 'Seoul, KR', 'Singapore, SG', 'New South Wales, AU', 'São Paulo, BR', 'Taipei, TW',
]

export const CONSUMER_CPUS: NonEmpty<Cpu> = [
  { name: 'AMD Ryzen 9 7950X 16-Core Processor', cores: 32, ghz: 5.1 },
  { name: 'AMD Ryzen Threadripper PRO 5975WX 32-Cores', cores: 64, ghz: 4.5 },
  { name: 'Intel Core i9-13900K', cores: 32, ghz: 5.5 },
  { name: 'AMD EPYC 7543 32-Core Processor', cores: 128, ghz: 3.7 },
]
export const SERVER_CPUS: NonEmpty<Cpu> = [
  { name: 'AMD EPYC 7763 64-Core Processor', cores: 256, ghz: 3.5 },
  { name: 'Xeon® Platinum 8480+', cores: 224, ghz: 3.8 },
  { name: 'AMD EPYC 9654 96-Core Processor', cores: 384, ghz: 3.7 },
  { name: 'Intel Xeon Gold 6338 CPU @ 2.00GHz', cores: 128, ghz: 3.2 },
]
// prettier-ignore
export const DISKS: NonEmpty<string> = [
  'SAMSUNG MZQL23T8HCLS', 'Micron 7450', 'SAMSUNG MZWLO7T6HBLA', 'WD_BLACK SN850X 2000GB',
  'KINGSTON SFYRD4000G', 'INTEL SSDPE2KX040T8', 'Samsung SSD 990 PRO 4TB',
]
// prettier-ignore
export const MOBOS: NonEmpty<string> = [
  'ROMED8-2T', 'H12DSG-O-CPU', 'X13DEG-OAD', 'ROG STRIX X670E-E GAMING WIFI',
  'Pro WS WRX80E-SAGE SE WIFI', 'MZ73-LM0-000', 'B650M PG Riptide',
]
export const DRIVERS: NonEmpty<Driver> = [
  { version: '535.183.01', cuda: 12.2 },
  { version: '550.127.05', cuda: 12.4 },
  { version: '560.35.03', cuda: 12.6 },
  { version: '570.133.07', cuda: 12.8 },
  { version: '575.57.08', cuda: 12.9 },
  { version: '580.65.06', cuda: 13.0 },
]
export const NEW_DRIVERS: NonEmpty<Driver> = [
  { version: '570.133.07', cuda: 12.8 },
  { version: '575.57.08', cuda: 12.9 },
  { version: '580.65.06', cuda: 13.0 },
]
export const IP_PREFIXES: NonEmpty<string> = ['192.0.2.', '198.51.100.', '203.0.113.']

/** "570.133.07" → 570133007: each part zero-padded to 3 digits (reference §3.3). */
