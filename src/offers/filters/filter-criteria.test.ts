import { describe, expect, it } from 'vitest'
import { DEFAULT_FILTERS } from './offer-filters'
import { toBundlesQuery } from './filter-criteria'
import { DEFAULT_SEARCH_FILTERS, DEFAULT_SEARCH_PAGE, EVERYTHING } from '../../test/offer-filters'

describe('toBundlesQuery', () => {
  it('builds the default query like the Vast CLI does', () => {
    expect(toBundlesQuery(DEFAULT_FILTERS)).toEqual({
      filters: DEFAULT_SEARCH_FILTERS,
      ...DEFAULT_SEARCH_PAGE,
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
