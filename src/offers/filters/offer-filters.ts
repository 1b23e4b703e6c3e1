/**
 * The offer search filters: what the user asks Vast for. They live in the URL (so a pasted link
 * reproduces the search), parse leniently (anything unreadable falls back to its default) and
 * turn into the bundles query object sent to POST /api/v0/bundles/, in the raw API's units
 * (reference §3.3): VRAM and RAM in MB, compute capability ×100, duration in seconds,
 * reliability 0–1, GPU names with spaces.
 *
 * Every filter is also a local predicate over a parsed offer (`filterCriteria`), so the app can
 * answer a narrowing from rows it already holds and say which filter emptied a list.
 */
import type { BundlesQuery, FieldFilter, OfferType, SortDirection } from '../../api/bundles-query'
import type { Offer } from '../../api/schemas'
import { isVerified } from '../offer-format'

export const SORT_KEYS = [
  'score-desc',
  'price-asc',
  'dlperf-usd-desc',
  'reliability-desc',
  'vram-desc',
] as const
export type SortKey = (typeof SORT_KEYS)[number]

export const OFFER_TYPES = ['on-demand', 'bid', 'reserved'] as const satisfies readonly OfferType[]
export type OfferSearchType = (typeof OFFER_TYPES)[number]

export const NUM_GPU_OPTIONS = [1, 2, 4, 8] as const
export const LIMIT_OPTIONS = [50, 100, 200, 500, 1000, 2000, 5000] as const
export const COUNTRY_MODES = ['include', 'exclude'] as const
export type CountryMode = (typeof COUNTRY_MODES)[number]

/** The disk the rent dialog starts with; offers are priced for it. */
export const DEFAULT_DISK_GB = 10
/** Longest GPU model name accepted from the URL. */
const MAX_GPU_MODEL_LENGTH = 64
const MAX_GPU_MODELS = 20
const MAX_COUNTRIES = 40

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

const NO_NUMBERS: NumericFilters = {
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
  reserved: 'Reserved',
}

const SORT_ORDER: Record<SortKey, [string, SortDirection][]> = {
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

// ─── the filter criteria: query building, local test, narrowing, labels ─────────────────────

export interface FilterCriterion {
  id: string
  /** What the user set, as a short phrase ("VRAM ≥ 24 GB"). */
  describe: (f: OfferFilters) => string
  active: (f: OfferFilters) => boolean
  /** The API filter(s) this criterion adds. */
  toQuery: (f: OfferFilters) => Record<string, FieldFilter>
  /** Does a loaded offer satisfy it? Mirrors the server's semantics (null fails a comparison). */
  test: (offer: Offer, f: OfferFilters) => boolean
  /** Is `narrow` at least as strict as `broad` (both active)? */
  tighter: (broad: OfferFilters, narrow: OfferFilters) => boolean
}

type NumericKey = keyof NumericFilters

const gte = (value: number | null | undefined, min: number) => value != null && value >= min
const lte = (value: number | null | undefined, max: number) => value != null && value <= max

function minCriterion(
  key: NumericKey,
  field: string,
  describe: (v: number) => string,
  toApi: (v: number) => number,
  read: (offer: Offer) => number | null | undefined,
): FilterCriterion {
  const get = (f: OfferFilters) => f[key] ?? 0
  return {
    id: key,
    describe: (f) => describe(get(f)),
    active: (f) => f[key] !== null,
    toQuery: (f) => ({ [field]: { gte: toApi(get(f)) } }),
    test: (offer, f) => gte(read(offer), toApi(get(f))),
    tighter: (broad, narrow) => get(narrow) >= get(broad),
  }
}

function flagCriterion(
  key: 'verified' | 'datacenter' | 'staticIp' | 'directPorts',
  label: string,
  query: Record<string, FieldFilter>,
  test: (offer: Offer) => boolean,
): FilterCriterion {
  return {
    id: key,
    describe: () => label,
    active: (f) => f[key],
    toQuery: () => query,
    test: (offer) => test(offer),
    tighter: () => true,
  }
}

const subset = (small: readonly string[], big: readonly string[]) =>
  small.every((item) => big.includes(item))

const fmt = (n: number) => String(Number(n.toFixed(3)))

export const filterCriteria: readonly FilterCriterion[] = [
  {
    id: 'gpuModels',
    describe: (f) => `GPU model ${effectiveGpuModels(f).join(' or ')}`,
    active: (f) => effectiveGpuModels(f).length > 0,
    toQuery: (f) => {
      const models = effectiveGpuModels(f)
      return { gpu_name: models.length === 1 ? { eq: models[0] ?? '' } : { in: models } }
    },
    test: (offer, f) => effectiveGpuModels(f).includes(offer.gpu_name),
    tighter: (broad, narrow) => subset(effectiveGpuModels(narrow), effectiveGpuModels(broad)),
  },
  {
    id: 'numGpus',
    describe: (f) => `${f.numGpus ?? 0} GPUs`,
    active: (f) => f.numGpus !== null,
    toQuery: (f) => ({ num_gpus: { eq: f.numGpus } }),
    test: (offer, f) => offer.num_gpus === f.numGpus,
    tighter: (broad, narrow) => broad.numGpus === narrow.numGpus,
  },
  minCriterion(
    'minVramGb',
    'gpu_ram',
    (v) => `VRAM ≥ ${fmt(v)} GB`,
    vramGbToMb,
    (o) => o.gpu_ram,
  ),
  minCriterion(
    'minComputeCap',
    'compute_cap',
    (v) => `compute capability ≥ ${fmt(v)}`,
    computeCapToApi,
    (o) => o.compute_cap,
  ),
  minCriterion(
    'minCuda',
    'cuda_max_good',
    (v) => `CUDA ≥ ${fmt(v)}`,
    (v) => v,
    (o) => o.cuda_max_good,
  ),
  minCriterion(
    'minCpuCores',
    'cpu_cores_effective',
    (v) => `CPU cores ≥ ${fmt(v)}`,
    (v) => v,
    (o) => o.cpu_cores_effective,
  ),
  minCriterion(
    'minRamGb',
    'cpu_ram',
    (v) => `RAM ≥ ${fmt(v)} GB`,
    ramGbToMb,
    (o) => o.cpu_ram,
  ),
  minCriterion(
    'minDiskGb',
    'disk_space',
    (v) => `disk ≥ ${fmt(v)} GB`,
    (v) => v,
    (o) => o.disk_space,
  ),
  minCriterion(
    'minDiskBw',
    'disk_bw',
    (v) => `disk bandwidth ≥ ${fmt(v)} MB/s`,
    (v) => v,
    (o) => o.disk_bw,
  ),
  minCriterion(
    'minInetUp',
    'inet_up',
    (v) => `upload ≥ ${fmt(v)} Mbps`,
    (v) => v,
    (o) => o.inet_up,
  ),
  minCriterion(
    'minInetDown',
    'inet_down',
    (v) => `download ≥ ${fmt(v)} Mbps`,
    (v) => v,
    (o) => o.inet_down,
  ),
  flagCriterion('verified', 'verified only', { verified: { eq: true } }, (o) => isVerified(o)),
  flagCriterion(
    'datacenter',
    'datacenter only',
    { datacenter: { eq: true } },
    (o) => o.hosting_type === 1,
  ),
  flagCriterion(
    'staticIp',
    'static IP only',
    { static_ip: { eq: true } },
    (o) => o.static_ip === true,
  ),
  flagCriterion('directPorts', 'direct ports only', { direct_port_count: { gte: 1 } }, (o) =>
    gte(o.direct_port_count, 1),
  ),
  minCriterion(
    'minReliability',
    'reliability',
    (v) => `reliability ≥ ${fmt(v)}%`,
    percentToFraction,
    // The server compares `reliability` (reliability2 is its alias).
    (o) => o.reliability ?? o.reliability2,
  ),
  {
    id: 'maxPrice',
    describe: (f) => `price ≤ $${fmt(f.maxPrice ?? 0)}/hr`,
    active: (f) => f.maxPrice !== null,
    toQuery: (f) => ({ dph_total: { lte: f.maxPrice } }),
    test: (offer, f) => lte(offer.dph_total, f.maxPrice ?? 0),
    tighter: (broad, narrow) => (narrow.maxPrice ?? 0) <= (broad.maxPrice ?? 0),
  },
  {
    id: 'countries',
    describe: (f) =>
      `${f.countryMode === 'include' ? 'in' : 'not in'} ${f.countries.join(', ') || 'any country'}`,
    active: (f) => f.countries.length > 0,
    toQuery: (f) => ({
      geolocation: f.countryMode === 'include' ? { in: f.countries } : { notin: f.countries },
    }),
    test: (offer, f) => {
      const country = countryOf(offer.geolocation)
      const listed = country !== null && f.countries.includes(country)
      return f.countryMode === 'include' ? listed : !listed
    },
    tighter: (broad, narrow) =>
      broad.countryMode === narrow.countryMode &&
      (narrow.countryMode === 'include'
        ? subset(narrow.countries, broad.countries)
        : subset(broad.countries, narrow.countries)),
  },
  minCriterion(
    'minDurationDays',
    'duration',
    (v) => `available ≥ ${fmt(v)} days`,
    daysToSeconds,
    (o) => o.duration,
  ),
]

export const activeCriteria = (filters: OfferFilters) =>
  filterCriteria.filter((criterion) => criterion.active(filters))

/** Does a loaded offer pass every active filter? */
export function offerMatches(offer: Offer, filters: OfferFilters): boolean {
  return activeCriteria(filters).every((criterion) => criterion.test(offer, filters))
}

/**
 * Is every offer `narrow` can return also returned by `broad`, ranked the same way? Then the rows
 * `broad` loaded can answer `narrow` without a request (see answerLocally).
 */
export function isNarrowing(broad: OfferFilters, narrow: OfferFilters): boolean {
  if (broad.type !== narrow.type || broad.sort !== narrow.sort) return false
  return filterCriteria.every((criterion) => {
    if (!criterion.active(broad)) return true
    return criterion.active(narrow) && criterion.tighter(broad, narrow)
  })
}

// ─── URL ──────────────────────────────────────────────────────────────────────────────────────

/** URL parameter names. Other parameters (such as `tab`) are left alone. */
const NUMERIC_PARAMS: Record<NumericKey, { param: string; max: number }> = {
  minVramGb: { param: 'vram', max: 1024 },
  minComputeCap: { param: 'cc', max: 20 },
  minCuda: { param: 'cuda', max: 30 },
  minCpuCores: { param: 'cpu', max: 1024 },
  minRamGb: { param: 'ram', max: 16_384 },
  minDiskGb: { param: 'disk', max: 100_000 },
  minDiskBw: { param: 'diskbw', max: 100_000 },
  minInetUp: { param: 'up', max: 100_000 },
  minInetDown: { param: 'down', max: 100_000 },
  minReliability: { param: 'rel', max: 100 },
  maxPrice: { param: 'price', max: 1000 },
  minDurationDays: { param: 'days', max: 3650 },
}
const NUMERIC_KEYS = Object.keys(NO_NUMBERS).filter(
  (key): key is NumericKey => key in NUMERIC_PARAMS,
)

export const numericLimit = (key: NumericKey) => NUMERIC_PARAMS[key].max

const PARAM = {
  gpuModels: 'gpu',
  numGpus: 'gpus',
  verified: 'verified',
  datacenter: 'dc',
  staticIp: 'staticip',
  directPorts: 'direct',
  type: 'type',
  countries: 'country',
  countryMode: 'countrymode',
  sort: 'sort',
  limit: 'limit',
} as const

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

/** A non-negative decimal within bounds, or null. */
export function parseAmount(value: string | null | undefined, max: number): number | null {
  if (value == null) return null
  const text = value.trim()
  if (!/^\d{1,7}(\.\d{1,4})?$/.test(text)) return null
  const n = Number(text)
  return n <= max ? n : null
}

export function parseGpuModel(value: string | null): string {
  if (value === null) return ''
  const clean = normalizeGpuModel(value)
  // Printable text only, of a sane length: anything else is not a GPU name.
  if (clean.length > MAX_GPU_MODEL_LENGTH || !/^[\p{L}\p{N} .+\-()/]*$/u.test(clean)) return ''
  return clean
}

export function parseCountry(value: string): string | null {
  const code = value.trim().toUpperCase()
  return /^[A-Z]{2}$/.test(code) ? code : null
}

const unique = <T>(items: T[]) => [...new Set(items)]

export function parseOfferFilters(params: URLSearchParams): OfferFilters {
  const sort = params.get(PARAM.sort) ?? ''
  const type = params.get(PARAM.type) ?? ''
  const numbers = { ...NO_NUMBERS }
  for (const key of NUMERIC_KEYS) {
    const { param, max } = NUMERIC_PARAMS[key]
    numbers[key] = parseAmount(params.get(param), max)
  }
  const countryMode = params.get(PARAM.countryMode) === 'exclude' ? 'exclude' : 'include'
  return {
    ...numbers,
    gpuModels: unique(params.getAll(PARAM.gpuModels).map(parseGpuModel).filter(Boolean)).slice(
      0,
      MAX_GPU_MODELS,
    ),
    gpuDraft: '',
    numGpus: parseChoice(params.get(PARAM.numGpus), NUM_GPU_OPTIONS, DEFAULT_FILTERS.numGpus),
    verified: parseBool(params.get(PARAM.verified), DEFAULT_FILTERS.verified),
    datacenter: parseBool(params.get(PARAM.datacenter), false),
    staticIp: parseBool(params.get(PARAM.staticIp), false),
    directPorts: parseBool(params.get(PARAM.directPorts), DEFAULT_FILTERS.directPorts),
    type: isOfferType(type) ? type : DEFAULT_FILTERS.type,
    countries: unique(
      params
        .getAll(PARAM.countries)
        .flatMap((v) => v.split(','))
        .map(parseCountry)
        .filter((c): c is string => c !== null),
    ).slice(0, MAX_COUNTRIES),
    countryMode,
    sort: isSortKey(sort) ? sort : DEFAULT_FILTERS.sort,
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
  for (const key of NUMERIC_KEYS) params.delete(NUMERIC_PARAMS[key].param)

  for (const model of effectiveGpuModels(filters)) params.append(PARAM.gpuModels, model)
  if (filters.numGpus !== null) params.set(PARAM.numGpus, String(filters.numGpus))
  for (const key of NUMERIC_KEYS) {
    const value = filters[key]
    if (value !== null) params.set(NUMERIC_PARAMS[key].param, fmt(value))
  }
  if (filters.verified !== DEFAULT_FILTERS.verified)
    params.set(PARAM.verified, filters.verified ? '1' : '0')
  if (filters.datacenter) params.set(PARAM.datacenter, '1')
  if (filters.staticIp) params.set(PARAM.staticIp, '1')
  if (filters.directPorts) params.set(PARAM.directPorts, '1')
  if (filters.type !== DEFAULT_FILTERS.type) params.set(PARAM.type, filters.type)
  if (filters.countries.length > 0) {
    params.set(PARAM.countries, filters.countries.join(','))
    if (filters.countryMode === 'exclude') params.set(PARAM.countryMode, 'exclude')
  }
  if (filters.sort !== DEFAULT_FILTERS.sort) params.set(PARAM.sort, filters.sort)
  if (filters.limit !== DEFAULT_FILTERS.limit) params.set(PARAM.limit, String(filters.limit))
  return params
}

/** Same search? (A typed model and the same model as a chip are the same search.) */
export function sameFilters(a: OfferFilters, b: OfferFilters): boolean {
  return serializeOfferFilters(a).toString() === serializeOfferFilters(b).toString()
}

/** Same controls? Like sameFilters, but the typed text counts too. */
export function sameControls(a: OfferFilters, b: OfferFilters): boolean {
  return sameFilters(a, b) && a.gpuDraft === b.gpuDraft && a.gpuModels.join() === b.gpuModels.join()
}

/** The bundles query for these filters, with the CLI's defaults for rentable, unrented, non-external offers. */
export function toBundlesQuery(filters: OfferFilters): BundlesQuery {
  const query: Record<string, FieldFilter> = {
    rentable: { eq: true },
    rented: { eq: false },
    external: { eq: false },
  }
  for (const criterion of activeCriteria(filters)) Object.assign(query, criterion.toQuery(filters))
  return {
    filters: query,
    order: SORT_ORDER[filters.sort],
    type: filters.type,
    limit: filters.limit,
    allocatedStorage: DEFAULT_DISK_GB,
  }
}
