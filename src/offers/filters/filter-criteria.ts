/**
 * Every filter as a criterion: the part of the bundles query it adds, a local predicate over a
 * parsed offer (so the app can answer a narrowing from rows it already holds and say which filter
 * emptied a list) and its label.
 */
import type { BundlesQuery, FieldFilter } from '../../api/offers/bundles-query'
import type { Offer } from '../../api/offers/schemas'
import { formatPercent } from '../../domain/format'
import { isVerified } from '../offer-format'
import {
  computeCapToApi,
  countryOf,
  daysToSeconds,
  DEFAULT_DISK_GB,
  effectiveGpuModels,
  type NumericKey,
  type OfferFilters,
  percentToFraction,
  ramGbToMb,
  SORT_ORDER,
  vramGbToMb,
  compactNumber,
} from './offer-filters'
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
  /** The row's own value, in the filter's units, to say why a row breaks it. */
  rowValue?: (offer: Offer) => string
}

const gte = (value: number | null | undefined, min: number) => value != null && value >= min
const lte = (value: number | null | undefined, max: number) => value != null && value <= max

function minCriterion(
  key: NumericKey,
  field: string,
  describe: (v: number) => string,
  toApi: (v: number) => number,
  read: (offer: Offer) => number | null | undefined,
  show?: (value: number) => string,
): FilterCriterion {
  const get = (f: OfferFilters) => f[key] ?? 0
  return {
    rowValue: (offer) => {
      const value = read(offer)
      return value == null ? 'not sent' : show ? show(value) : compactNumber(value)
    },
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
    (v) => `VRAM ≥ ${compactNumber(v)} GB`,
    vramGbToMb,
    (o) => o.gpu_ram,
  ),
  minCriterion(
    'minComputeCap',
    'compute_cap',
    (v) => `compute capability ≥ ${compactNumber(v)}`,
    computeCapToApi,
    (o) => o.compute_cap,
  ),
  minCriterion(
    'minCuda',
    'cuda_max_good',
    (v) => `CUDA ≥ ${compactNumber(v)}`,
    (v) => v,
    (o) => o.cuda_max_good,
  ),
  minCriterion(
    'minCpuCores',
    'cpu_cores_effective',
    (v) => `CPU cores ≥ ${compactNumber(v)}`,
    (v) => v,
    (o) => o.cpu_cores_effective,
  ),
  minCriterion(
    'minRamGb',
    'cpu_ram',
    (v) => `RAM ≥ ${compactNumber(v)} GB`,
    ramGbToMb,
    (o) => o.cpu_ram,
  ),
  minCriterion(
    'minDiskGb',
    'disk_space',
    (v) => `disk ≥ ${compactNumber(v)} GB`,
    (v) => v,
    (o) => o.disk_space,
  ),
  minCriterion(
    'minDiskBw',
    'disk_bw',
    (v) => `disk bandwidth ≥ ${compactNumber(v)} MB/s`,
    (v) => v,
    (o) => o.disk_bw,
  ),
  minCriterion(
    'minInetUp',
    'inet_up',
    (v) => `upload ≥ ${compactNumber(v)} Mbps`,
    (v) => v,
    (o) => o.inet_up,
  ),
  minCriterion(
    'minInetDown',
    'inet_down',
    (v) => `download ≥ ${compactNumber(v)} Mbps`,
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
    (v) => `reliability ≥ ${compactNumber(v)}%`,
    percentToFraction,
    // The server compares `reliability` (reliability2 is its alias); the table shows the same.
    (o) => o.reliability ?? o.reliability2,
    formatPercent,
  ),
  {
    id: 'maxPrice',
    describe: (f) => `price ≤ $${compactNumber(f.maxPrice ?? 0)}/hr`,
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
    (v) => `available ≥ ${compactNumber(v)} days`,
    daysToSeconds,
    (o) => o.duration,
  ),
]

export const activeCriteria = (filters: OfferFilters) =>
  filterCriteria.filter((criterion) => criterion.active(filters))

/**
 * The active filters a row breaks, each as "reliability ≥ 99% (row: 92.6%)". Vast's search
 * has known filter bugs, so every row it returns is checked again here.
 */
export function filterBreaks(offer: Offer, filters: OfferFilters): string[] {
  return activeCriteria(filters)
    .filter((criterion) => !criterion.test(offer, filters))
    .map((criterion) => {
      const row = criterion.rowValue?.(offer)
      return row === undefined
        ? criterion.describe(filters)
        : `${criterion.describe(filters)} (row: ${row})`
    })
}

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
