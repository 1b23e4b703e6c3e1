import { type OfferFilters } from '../offers/filters/offer-filters'
import { parseOfferFilters } from '../offers/filters/filter-url'

/** Shared helpers of the offer-filters tests. */
export const parse = (search: string) => parseOfferFilters(new URLSearchParams(search))
/** Every filter set away from its default. */
export const EVERYTHING: OfferFilters = {
  gpuModels: ['RTX 4090', 'H100 SXM'],
  gpuDraft: '',
  numGpus: 2,
  minVramGb: 24,
  minComputeCap: 8.6,
  minCuda: 12.4,
  minCpuCores: 16,
  minRamGb: 64,
  minDiskGb: 200,
  minDiskBw: 1500,
  minInetUp: 500,
  minInetDown: 800,
  verified: false,
  datacenter: true,
  staticIp: true,
  directPorts: true,
  minReliability: 98.5,
  maxPrice: 1.25,
  type: 'bid',
  countries: ['US', 'CA'],
  countryMode: 'exclude',
  minDurationDays: 7,
  sort: 'price-asc',
  limit: 5000,
}

/** The default search's filters, as Vast's CLI sends them (`search offers` with no query). */
export const DEFAULT_SEARCH_FILTERS = {
  verified: { eq: true },
  rentable: { eq: true },
  rented: { eq: false },
  external: { eq: false },
}
/** The default search's order, type and page size. */
export const DEFAULT_SEARCH_PAGE = { order: [['score', 'desc']], type: 'on-demand', limit: 100 }
