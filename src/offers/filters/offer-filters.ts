/**
 * The offer search filters: what the user asks Vast for, their defaults, labels and units. They
 * live in the URL (`filter-url.ts`: a pasted link reproduces the search) and turn into the
 * bundles query sent to POST /api/v0/bundles/ (`filter-criteria.ts`), in the raw API's units
 * (reference §3.3): VRAM and RAM in MB, compute capability ×100, duration in seconds,
 * reliability 0–1, GPU names with spaces.
 */
import type { OfferType, SortDirection } from '../../api/offers/bundles-query'

export const SORT_KEYS = [
  'score-desc',
  'price-asc',
  'dlperf-usd-desc',
  'reliability-desc',
  'vram-desc',
] as const
export type SortKey = (typeof SORT_KEYS)[number]

/**
 * The pricing types the app offers. Not `reserved`: renting a reserved offer creates an
 * on-demand instance at `dph_total`, and its `discounted_dph_total` applies only after a separate
 * prepay (docs reserved-instances.mdx), which the app does not do yet.
 */
export const OFFER_TYPES = ['on-demand', 'bid'] as const satisfies readonly OfferType[]
export type OfferSearchType = (typeof OFFER_TYPES)[number]

export const NUM_GPU_OPTIONS = [1, 2, 4, 8] as const
export const LIMIT_OPTIONS = [50, 100, 200, 500, 1000, 2000, 5000] as const
export const COUNTRY_MODES = ['include', 'exclude'] as const
export type CountryMode = (typeof COUNTRY_MODES)[number]

/** The disk the rent dialog starts with; offers are priced for it. */
export const DEFAULT_DISK_GB = 10
/** Longest GPU model name accepted from the URL. */
export const MAX_GPU_MODEL_LENGTH = 64
export const MAX_GPU_MODELS = 20
export const MAX_COUNTRIES = 40

/** Numeric minimums/maximums: null means "any". Stored in the units the user types. */
export interface NumericFilters {
  /** Per-GPU VRAM, GB (sent as MB with the reference's tolerance). */
  minVramGb: number | null
  /** CUDA compute capability, e.g. 8.6 (sent ×100). */
  minComputeCap: number | null
  /** Highest CUDA version the driver supports, e.g. 12.4. */
  minCuda: number | null
  /** vCPUs the renter gets (cpu_cores_effective). */
  minCpuCores: number | null
  /** Host RAM, GB (sent as MB, ×1000 like the CLI). */
  minRamGb: number | null
  /** Free disk, GB. */
  minDiskGb: number | null
  /** Disk bandwidth, MB/s. */
  minDiskBw: number | null
  minInetUp: number | null
  minInetDown: number | null
  /** Reliability, percent (sent as 0–1). */
  minReliability: number | null
  /** $/hr, all in. */
  maxPrice: number | null
  /** Days the machine must stay available (sent as seconds). */
  minDurationDays: number | null
}

export interface OfferFilters extends NumericFilters {
  /** Chosen GPU models, spelled as Vast spells them ("H100 SXM"). Empty: any model. */
  gpuModels: string[]
  /** Text typed in the GPU model field, not yet added as a chip; searched like a chosen model. */
  gpuDraft: string
  /** null means any count. */
  numGpus: number | null
  verified: boolean
  datacenter: boolean
  staticIp: boolean
  /** Only machines with at least one directly reachable port. */
  directPorts: boolean
  type: OfferSearchType
  /** Two-letter country codes. */
  countries: string[]
  countryMode: CountryMode
  sort: SortKey
  limit: number
}

export const NO_NUMBERS: NumericFilters = {
  minVramGb: null,
  minComputeCap: null,
  minCuda: null,
  minCpuCores: null,
  minRamGb: null,
  minDiskGb: null,
  minDiskBw: null,
  minInetUp: null,
  minInetDown: null,
  minReliability: null,
  maxPrice: null,
  minDurationDays: null,
}

export const DEFAULT_FILTERS: OfferFilters = {
  ...NO_NUMBERS,
  gpuModels: [],
  gpuDraft: '',
  numGpus: null,
  verified: true,
  datacenter: false,
  staticIp: false,
  directPorts: false,
  type: 'on-demand',
  countries: [],
  countryMode: 'include',
  sort: 'score-desc',
  limit: 100,
}

export const SORT_LABELS: Record<SortKey, string> = {
  'score-desc': 'Best match (Vast score)',
  'price-asc': 'Lowest price',
  'dlperf-usd-desc': 'Best DLPerf per $',
  'reliability-desc': 'Most reliable',
  'vram-desc': 'Most VRAM per GPU',
}

export const TYPE_LABELS: Record<OfferSearchType, string> = {
  'on-demand': 'On-demand',
  bid: 'Interruptible',
}

export const SORT_ORDER: Record<SortKey, [string, SortDirection][]> = {
  'score-desc': [['score', 'desc']],
  'price-asc': [['dph_total', 'asc']],
  'dlperf-usd-desc': [['dlperf_per_dphtotal', 'desc']],
  'reliability-desc': [['reliability', 'desc']],
  'vram-desc': [['gpu_ram', 'desc']],
}

// ─── unit conversions (reference §3.3 and §8.6) ──────────────────────────────────────────────

/**
 * Nominal GB → the MB threshold sent as `gpu_ram gte`. Vast reports a 24 GB card as 24564 MB,
 * so ×1024 would miss it; the reference's tolerance (gpuhunt: ×1024×0.93) keeps it.
 */
export const vramGbToMb = (gb: number) => Math.floor(gb * 1024 * 0.93)
/** Host RAM GB → MB, as the CLI converts it (×1000). */
export const ramGbToMb = (gb: number) => Math.round(gb * 1000)
/** 8.6 → 860. */
export const computeCapToApi = (cap: number) => Math.round(cap * 100)
export const daysToSeconds = (days: number) => Math.round(days * 86_400)
export const percentToFraction = (percent: number) => Math.round(percent * 100) / 10_000

/** Vast writes GPU names with spaces ("H100 SXM"); some tools use underscores. */
export function normalizeGpuModel(value: string): string {
  return value.replaceAll('_', ' ').replace(/\s+/g, ' ').trim()
}

/** The models the search asks for: the chips plus any typed text. */
export function effectiveGpuModels(filters: Pick<OfferFilters, 'gpuModels' | 'gpuDraft'>) {
  const all = [...filters.gpuModels, filters.gpuDraft].map(normalizeGpuModel).filter(Boolean)
  return [...new Set(all)]
}

/** "Tokyo, JP" → "JP"; the last comma-separated token (reference §3.6). */
export function countryOf(geolocation: string | null | undefined): string | null {
  if (!geolocation) return null
  const last = geolocation.split(',').at(-1)?.trim().toUpperCase() ?? ''
  return last || null
}

export type NumericKey = keyof NumericFilters

/** A number as typed in a URL or a label: at most three decimals, no trailing zeros. */
export const compactNumber = (n: number) => String(Number(n.toFixed(3)))
