/**
 * The filters' URL codec: parameters parse leniently (anything unreadable falls back to its
 * default, out-of-range numbers are dropped) and serialize back, leaving other parameters alone.
 */
import {
  DEFAULT_FILTERS,
  effectiveGpuModels,
  LIMIT_OPTIONS,
  MAX_COUNTRIES,
  MAX_GPU_MODEL_LENGTH,
  MAX_GPU_MODELS,
  NO_NUMBERS,
  normalizeGpuModel,
  NUM_GPU_OPTIONS,
  type NumericKey,
  OFFER_TYPES,
  type OfferFilters,
  type OfferSearchType,
  SORT_KEYS,
  type SortKey,
  compactNumber,
} from './offer-filters'
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
    if (value !== null) params.set(NUMERIC_PARAMS[key].param, compactNumber(value))
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
