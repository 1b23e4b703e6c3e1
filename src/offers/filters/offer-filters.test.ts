import { describe, expect, it } from 'vitest'
import type { Offer } from '../../api/schemas'
import {
  computeCapToApi,
  countryOf,
  daysToSeconds,
  DEFAULT_FILTERS,
  percentToFraction,
  ramGbToMb,
  vramGbToMb,
  type OfferFilters,
} from './offer-filters'
import { isNarrowing, offerMatches, toBundlesQuery } from './filter-criteria'
import { parseOfferFilters, sameFilters, serializeOfferFilters } from './filter-url'

const parse = (search: string) => parseOfferFilters(new URLSearchParams(search))

/** Every filter set away from its default. */
const EVERYTHING: OfferFilters = {
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

describe('unit conversions (reference §3.3, §8.6)', () => {
  it('sends VRAM in MB with the 7% tolerance, so a 24 GB card (24564 MB) matches 24 GB', () => {
    expect(vramGbToMb(24)).toBe(22855)
    expect(vramGbToMb(24)).toBeLessThan(24564)
    expect(vramGbToMb(80)).toBeLessThan(81559)
  })

  it('sends host RAM ×1000 MB, compute capability ×100, days in seconds, percent as 0–1', () => {
    expect(ramGbToMb(64)).toBe(64000)
    expect(computeCapToApi(8.6)).toBe(860)
    expect(computeCapToApi(12)).toBe(1200)
    expect(daysToSeconds(7)).toBe(604800)
    expect(daysToSeconds(0.5)).toBe(43200)
    expect(percentToFraction(98.5)).toBe(0.985)
  })

  it('reads the country as the last token of geolocation', () => {
    expect(countryOf('Yutakachō, Shinagawa District, Tokyo, JP')).toBe('JP')
    expect(countryOf(' Texas,us ')).toBe('US')
    expect(countryOf(null)).toBeNull()
  })
})

describe('parseOfferFilters', () => {
  it('gives the defaults for an empty query string', () => {
    expect(parse('')).toEqual(DEFAULT_FILTERS)
    expect(DEFAULT_FILTERS).toMatchObject({
      verified: true,
      sort: 'score-desc',
      type: 'on-demand',
      limit: 100,
    })
  })

  it('reads every filter', () => {
    expect(
      parse(
        'gpu=RTX+4090&gpu=H100+SXM&gpus=2&vram=24&cc=8.6&cuda=12.4&cpu=16&ram=64&disk=200' +
          '&diskbw=1500&up=500&down=800&verified=0&dc=1&staticip=1&direct=1&rel=98.5' +
          '&price=1.25&type=bid&country=US,CA&countrymode=exclude&days=7&sort=price-asc&limit=5000',
      ),
    ).toEqual(EVERYTHING)
  })

  it('falls back to the default for each invalid value', () => {
    expect(
      parse(
        'verified=maybe&gpus=3&direct=yes&sort=cheapest&type=spot&limit=10000&vram=-1' +
          '&price=abc&rel=101&country=USA&days=1e3&cc=',
      ),
    ).toEqual(DEFAULT_FILTERS)
    expect(parse('gpus=-1&limit=1e3')).toEqual(DEFAULT_FILTERS)
    expect(parse('gpus=2.5&limit=abc')).toEqual(DEFAULT_FILTERS)
    expect(parse(`gpu=${'A'.repeat(65)}`).gpuModels).toEqual([])
    expect(parse('gpu=%3Cscript%3E').gpuModels).toEqual([])
  })

  it('keeps valid values next to invalid ones', () => {
    expect(parse('gpus=4&limit=7&price=0.5&country=us,XYZ')).toEqual({
      ...DEFAULT_FILTERS,
      numGpus: 4,
      maxPrice: 0.5,
      countries: ['US'],
    })
  })

  it('writes GPU names with spaces, never underscores, and once each', () => {
    expect(parse('gpu=RTX_4090').gpuModels).toEqual(['RTX 4090'])
    expect(parse('gpu=%20%20H100%20%20SXM%20&gpu=H100_SXM').gpuModels).toEqual(['H100 SXM'])
  })
})

describe('serializeOfferFilters', () => {
  it('leaves defaults out of the URL', () => {
    expect(serializeOfferFilters(DEFAULT_FILTERS).toString()).toBe('')
  })

  it('round-trips every filter', () => {
    expect(parseOfferFilters(serializeOfferFilters(EVERYTHING))).toEqual(EVERYTHING)
  })

  it('writes the typed GPU model too, so a reload finds it as a chosen model', () => {
    const params = serializeOfferFilters({
      ...DEFAULT_FILTERS,
      gpuModels: ['L4'],
      gpuDraft: 'L40S',
    })
    expect(params.getAll('gpu')).toEqual(['L4', 'L40S'])
    expect(parseOfferFilters(params).gpuModels).toEqual(['L4', 'L40S'])
  })

  it('keeps other parameters such as tab, and replaces stale filter values', () => {
    const base = new URLSearchParams('tab=offers&gpu=A100+PCIE&gpus=4&price=9&foo=bar')
    const params = serializeOfferFilters({ ...DEFAULT_FILTERS, gpuModels: ['L40S'] }, base)
    expect(params.get('tab')).toBe('offers')
    expect(params.get('foo')).toBe('bar')
    expect(params.getAll('gpu')).toEqual(['L40S'])
    expect(params.has('gpus')).toBe(false)
    expect(params.has('price')).toBe(false)
    // The base is not modified.
    expect(base.get('gpu')).toBe('A100 PCIE')
  })
})

describe('sameFilters', () => {
  it('compares the search, so a typed model and the same model as a chip are equal', () => {
    expect(sameFilters(DEFAULT_FILTERS, { ...DEFAULT_FILTERS })).toBe(true)
    expect(sameFilters(DEFAULT_FILTERS, { ...DEFAULT_FILTERS, limit: 200 })).toBe(false)
    expect(
      sameFilters(
        { ...DEFAULT_FILTERS, gpuDraft: 'L4' },
        { ...DEFAULT_FILTERS, gpuModels: ['L4'] },
      ),
    ).toBe(true)
  })
})

describe('toBundlesQuery', () => {
  it('builds the default query like the Vast CLI does', () => {
    expect(toBundlesQuery(DEFAULT_FILTERS)).toEqual({
      filters: {
        verified: { eq: true },
        rentable: { eq: true },
        rented: { eq: false },
        external: { eq: false },
      },
      order: [['score', 'desc']],
      type: 'on-demand',
      limit: 100,
      allocatedStorage: 10,
    })
  })

  it('sends every filter in the raw API units', () => {
    const query = toBundlesQuery(EVERYTHING)
    expect(query.filters).toEqual({
      rentable: { eq: true },
      rented: { eq: false },
      external: { eq: false },
      gpu_name: { in: ['RTX 4090', 'H100 SXM'] },
      num_gpus: { eq: 2 },
      gpu_ram: { gte: 22855 },
      compute_cap: { gte: 860 },
      cuda_max_good: { gte: 12.4 },
      cpu_cores_effective: { gte: 16 },
      cpu_ram: { gte: 64000 },
      disk_space: { gte: 200 },
      disk_bw: { gte: 1500 },
      inet_up: { gte: 500 },
      inet_down: { gte: 800 },
      datacenter: { eq: true },
      static_ip: { eq: true },
      direct_port_count: { gte: 1 },
      reliability: { gte: 0.985 },
      dph_total: { lte: 1.25 },
      geolocation: { notin: ['US', 'CA'] },
      duration: { gte: 604800 },
    })
    expect(query).toMatchObject({ type: 'bid', limit: 5000, order: [['dph_total', 'asc']] })
  })

  it('sends one GPU model as eq, typed with underscores or not, and countries as in', () => {
    const query = toBundlesQuery({
      ...DEFAULT_FILTERS,
      gpuDraft: ' H100_SXM ',
      countries: ['DE'],
      type: 'reserved',
    })
    expect(query.filters).toMatchObject({
      gpu_name: { eq: 'H100 SXM' },
      geolocation: { in: ['DE'] },
    })
    expect(query.type).toBe('reserved')
    expect(JSON.stringify(query)).not.toContain('_SXM')
  })

  it('drops the verified filter when unverified machines are allowed, and "any" filters', () => {
    const query = toBundlesQuery({ ...DEFAULT_FILTERS, verified: false, gpuDraft: '   ' })
    expect(Object.keys(query.filters).sort()).toEqual(['external', 'rentable', 'rented'])
  })

  it.each([
    ['score-desc', [['score', 'desc']]],
    ['price-asc', [['dph_total', 'asc']]],
    ['dlperf-usd-desc', [['dlperf_per_dphtotal', 'desc']]],
    ['reliability-desc', [['reliability', 'desc']]],
    ['vram-desc', [['gpu_ram', 'desc']]],
  ] as const)('orders %s as %j', (sort, order) => {
    expect(toBundlesQuery({ ...DEFAULT_FILTERS, sort }).order).toEqual(order)
  })
})

describe('offerMatches (the same filters over loaded rows)', () => {
  const offer: Offer = {
    id: 1,
    gpu_name: 'RTX 4090',
    num_gpus: 2,
    gpu_ram: 24564,
    compute_cap: 890,
    cuda_max_good: 12.4,
    cpu_cores_effective: 16,
    cpu_ram: 64300,
    disk_space: 250,
    disk_bw: 2000,
    inet_up: 600,
    inet_down: 900,
    verification: 'verified',
    hosting_type: 1,
    static_ip: true,
    direct_port_count: 10,
    reliability: 0.99,
    dph_base: 1,
    dph_total: 1.1,
    storage_cost: 0.1,
    geolocation: 'Bavaria, DE',
    duration: 30 * 86_400,
  }

  it('passes an offer that meets every filter and fails it on each one', () => {
    expect(offerMatches(offer, { ...EVERYTHING, type: 'on-demand' })).toBe(true)
    const failing: Partial<OfferFilters>[] = [
      { gpuModels: ['H100 SXM'] },
      { numGpus: 4 },
      { minVramGb: 32 },
      { minComputeCap: 9 },
      { minCuda: 12.6 },
      { minCpuCores: 32 },
      { minRamGb: 128 },
      { minDiskGb: 500 },
      { minDiskBw: 3000 },
      { minInetUp: 1000 },
      { minInetDown: 1000 },
      { minReliability: 99.5 },
      { maxPrice: 1 },
      { countries: ['DE'] },
      { minDurationDays: 31 },
    ]
    for (const patch of failing)
      expect(offerMatches(offer, { ...EVERYTHING, ...patch })).toBe(false)
    expect(offerMatches({ ...offer, hosting_type: 0 }, EVERYTHING)).toBe(false)
    expect(offerMatches({ ...offer, static_ip: false }, EVERYTHING)).toBe(false)
    expect(offerMatches({ ...offer, direct_port_count: 0 }, EVERYTHING)).toBe(false)
    expect(offerMatches({ ...offer, verification: 'unverified' }, DEFAULT_FILTERS)).toBe(false)
  })

  it('fails a comparison on a missing value, as the server does', () => {
    expect(offerMatches({ ...offer, cpu_cores_effective: null }, EVERYTHING)).toBe(false)
  })
})

describe('isNarrowing', () => {
  const broad: OfferFilters = { ...DEFAULT_FILTERS, maxPrice: 2, gpuModels: ['A', 'B'] }

  it('accepts stricter or added filters with the same type and order', () => {
    expect(isNarrowing(broad, { ...broad, maxPrice: 1 })).toBe(true)
    expect(isNarrowing(broad, { ...broad, gpuModels: ['A'] })).toBe(true)
    expect(isNarrowing(broad, { ...broad, minVramGb: 24, directPorts: true })).toBe(true)
    expect(isNarrowing(broad, { ...broad, limit: 50 })).toBe(true)
  })

  it('refuses anything looser, or another type or order', () => {
    expect(isNarrowing(broad, { ...broad, maxPrice: 3 })).toBe(false)
    expect(isNarrowing(broad, { ...broad, maxPrice: null })).toBe(false)
    expect(isNarrowing(broad, { ...broad, gpuModels: ['A', 'C'] })).toBe(false)
    expect(isNarrowing(broad, { ...broad, verified: false })).toBe(false)
    expect(isNarrowing(broad, { ...broad, type: 'bid' })).toBe(false)
    expect(isNarrowing(broad, { ...broad, sort: 'price-asc' })).toBe(false)
    const excluding = { ...DEFAULT_FILTERS, countries: ['US'], countryMode: 'exclude' as const }
    expect(isNarrowing(excluding, { ...excluding, countries: ['US', 'CA'] })).toBe(true)
    expect(isNarrowing(excluding, { ...excluding, countries: [] })).toBe(false)
  })
})
