/**
 * The offer search filters: what the user asks Vast for. They live in the URL (so a pasted link
 * reproduces the search), parse leniently (anything unreadable falls back to its default) and
 * turn into the bundles query object sent to POST /api/v0/bundles/.
 */
import type { BundlesQuery, FieldFilter, SortDirection } from '../api/bundles-query'

export const SORT_KEYS = [
  'score-desc',
  'price-asc',
  'dlperf-usd-desc',
  'reliability-desc',
  'vram-desc',
] as const
export type SortKey = (typeof SORT_KEYS)[number]

export const OFFER_TYPES = ['on-demand', 'bid'] as const
export type OfferSearchType = (typeof OFFER_TYPES)[number]

export const NUM_GPU_OPTIONS = [1, 2, 4, 8] as const
export const LIMIT_OPTIONS = [50, 100, 200, 500] as const

/** The disk the rent dialog starts with; offers are priced for it. */
export const DEFAULT_DISK_GB = 10
/** Longest GPU model name accepted from the URL. */
const MAX_GPU_MODEL_LENGTH = 64

export interface OfferFilters {
  verified: boolean
  /** '' means any model. Spelled as Vast spells it, e.g. "H100 SXM". */
  gpuModel: string
  /** null means any count. */
  numGpus: number | null
  /** Only machines with at least one directly reachable port. */
  directPorts: boolean
  sort: SortKey
  type: OfferSearchType
  limit: number
}

export const DEFAULT_FILTERS: OfferFilters = {
  verified: true,
  gpuModel: '',
  numGpus: null,
  directPorts: false,
  sort: 'score-desc',
  type: 'on-demand',
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

const SORT_ORDER: Record<SortKey, [string, SortDirection][]> = {
  'score-desc': [['score', 'desc']],
  'price-asc': [['dph_total', 'asc']],
  'dlperf-usd-desc': [['dlperf_per_dphtotal', 'desc']],
  'reliability-desc': [['reliability', 'desc']],
  'vram-desc': [['gpu_ram', 'desc']],
}

/** URL parameter names. Other parameters (such as `tab`) are left alone. */
const PARAM = {
  verified: 'verified',
  gpuModel: 'gpu',
  numGpus: 'gpus',
  directPorts: 'direct',
  sort: 'sort',
  type: 'type',
  limit: 'limit',
} as const satisfies Record<keyof OfferFilters, string>

const FILTER_KEYS: readonly (keyof OfferFilters)[] = [
  'verified',
  'gpuModel',
  'numGpus',
  'directPorts',
  'sort',
  'type',
  'limit',
]

const isSortKey = (value: string): value is SortKey => SORT_KEYS.some((key) => key === value)
const isOfferType = (value: string): value is OfferSearchType =>
  OFFER_TYPES.some((t) => t === value)

function parseBool(value: string | null, fallback: boolean): boolean {
  if (value === '1' || value === 'true') return true
  if (value === '0' || value === 'false') return false
  return fallback
}

function parseChoice(
  value: string | null,
  choices: readonly number[],
  fallback: number | null,
): number | null {
  if (value === null || !/^\d+$/.test(value)) return fallback
  const n = Number(value)
  return choices.includes(n) ? n : fallback
}

/** Vast writes GPU names with spaces ("H100 SXM"); some tools use underscores. */
export function normalizeGpuModel(value: string): string {
  return value.replaceAll('_', ' ').replace(/\s+/g, ' ').trim()
}

function parseGpuModel(value: string | null): string {
  if (value === null) return ''
  const clean = normalizeGpuModel(value)
  // Printable text only, of a sane length: anything else is not a GPU name.
  if (clean.length > MAX_GPU_MODEL_LENGTH || !/^[\p{L}\p{N} .+\-()/]*$/u.test(clean)) return ''
  return clean
}

export function parseOfferFilters(params: URLSearchParams): OfferFilters {
  const sort = params.get(PARAM.sort) ?? ''
  const type = params.get(PARAM.type) ?? ''
  return {
    verified: parseBool(params.get(PARAM.verified), DEFAULT_FILTERS.verified),
    gpuModel: parseGpuModel(params.get(PARAM.gpuModel)),
    numGpus: parseChoice(params.get(PARAM.numGpus), NUM_GPU_OPTIONS, DEFAULT_FILTERS.numGpus),
    directPorts: parseBool(params.get(PARAM.directPorts), DEFAULT_FILTERS.directPorts),
    sort: isSortKey(sort) ? sort : DEFAULT_FILTERS.sort,
    type: isOfferType(type) ? type : DEFAULT_FILTERS.type,
    limit:
      parseChoice(params.get(PARAM.limit), LIMIT_OPTIONS, DEFAULT_FILTERS.limit) ??
      DEFAULT_FILTERS.limit,
  }
}

/**
 * Writes the filters into a copy of `base`: only values that differ from the defaults appear,
 * so the default search keeps a clean URL. Parameters that are not filters are kept.
 */
export function serializeOfferFilters(
  filters: OfferFilters,
  base = new URLSearchParams(),
): URLSearchParams {
  const params = new URLSearchParams(base)
  for (const name of Object.values(PARAM)) params.delete(name)
  if (filters.verified !== DEFAULT_FILTERS.verified)
    params.set(PARAM.verified, filters.verified ? '1' : '0')
  const gpuModel = normalizeGpuModel(filters.gpuModel)
  if (gpuModel) params.set(PARAM.gpuModel, gpuModel)
  if (filters.numGpus !== null) params.set(PARAM.numGpus, String(filters.numGpus))
  if (filters.directPorts) params.set(PARAM.directPorts, '1')
  if (filters.sort !== DEFAULT_FILTERS.sort) params.set(PARAM.sort, filters.sort)
  if (filters.type !== DEFAULT_FILTERS.type) params.set(PARAM.type, filters.type)
  if (filters.limit !== DEFAULT_FILTERS.limit) params.set(PARAM.limit, String(filters.limit))
  return params
}

export function sameFilters(a: OfferFilters, b: OfferFilters): boolean {
  return FILTER_KEYS.every((key) => a[key] === b[key])
}

/** The bundles query for these filters, with the CLI's defaults for rentable, unrented, non-external offers. */
export function toBundlesQuery(filters: OfferFilters): BundlesQuery {
  const query: Record<string, FieldFilter> = {
    rentable: { eq: true },
    rented: { eq: false },
    external: { eq: false },
  }
  if (filters.verified) query.verified = { eq: true }
  const gpuModel = normalizeGpuModel(filters.gpuModel)
  if (gpuModel) query.gpu_name = { eq: gpuModel }
  if (filters.numGpus !== null) query.num_gpus = { eq: filters.numGpus }
  if (filters.directPorts) query.direct_port_count = { gte: 1 }
  return {
    filters: query,
    order: SORT_ORDER[filters.sort],
    type: filters.type,
    limit: filters.limit,
    allocatedStorage: DEFAULT_DISK_GB,
  }
}
