import { describe, expect, it } from 'vitest'
import {
  DEFAULT_FILTERS,
  parseOfferFilters,
  sameFilters,
  serializeOfferFilters,
  toBundlesQuery,
  type OfferFilters,
} from './offer-filters'

const parse = (search: string) => parseOfferFilters(new URLSearchParams(search))

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
      parse('verified=0&gpu=H100+SXM&gpus=8&direct=1&sort=price-asc&type=bid&limit=500'),
    ).toEqual({
      verified: false,
      gpuModel: 'H100 SXM',
      numGpus: 8,
      directPorts: true,
      sort: 'price-asc',
      type: 'bid',
      limit: 500,
    })
  })

  it('falls back to the default for each invalid value', () => {
    expect(
      parse('verified=maybe&gpus=3&direct=yes&sort=cheapest&type=reserved&limit=10000'),
    ).toEqual(DEFAULT_FILTERS)
    expect(parse('gpus=-1&limit=1e3')).toEqual(DEFAULT_FILTERS)
    expect(parse('gpus=2.5&limit=abc')).toEqual(DEFAULT_FILTERS)
    expect(parse(`gpu=${'A'.repeat(65)}`).gpuModel).toBe('')
    expect(parse('gpu=%3Cscript%3E').gpuModel).toBe('')
  })

  it('keeps valid values next to invalid ones', () => {
    expect(parse('gpus=4&limit=7')).toEqual({ ...DEFAULT_FILTERS, numGpus: 4 })
  })

  it('writes GPU names with spaces, never underscores', () => {
    expect(parse('gpu=RTX_4090').gpuModel).toBe('RTX 4090')
    expect(parse('gpu=%20%20H100%20%20SXM%20').gpuModel).toBe('H100 SXM')
  })
})

describe('serializeOfferFilters', () => {
  it('leaves defaults out of the URL', () => {
    expect(serializeOfferFilters(DEFAULT_FILTERS).toString()).toBe('')
  })

  it('round-trips every filter', () => {
    const filters: OfferFilters = {
      verified: false,
      gpuModel: 'RTX 4090',
      numGpus: 2,
      directPorts: true,
      sort: 'vram-desc',
      type: 'bid',
      limit: 50,
    }
    expect(parseOfferFilters(serializeOfferFilters(filters))).toEqual(filters)
  })

  it('keeps other parameters such as tab, and replaces stale filter values', () => {
    const base = new URLSearchParams('tab=offers&gpu=A100+PCIE&gpus=4&foo=bar')
    const params = serializeOfferFilters({ ...DEFAULT_FILTERS, gpuModel: 'L40S' }, base)
    expect(params.get('tab')).toBe('offers')
    expect(params.get('foo')).toBe('bar')
    expect(params.get('gpu')).toBe('L40S')
    expect(params.has('gpus')).toBe(false)
    // The base is not modified.
    expect(base.get('gpu')).toBe('A100 PCIE')
  })
})

describe('sameFilters', () => {
  it('compares field by field', () => {
    expect(sameFilters(DEFAULT_FILTERS, { ...DEFAULT_FILTERS })).toBe(true)
    expect(sameFilters(DEFAULT_FILTERS, { ...DEFAULT_FILTERS, limit: 200 })).toBe(false)
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

  it('adds the GPU model, count and direct-port filters', () => {
    const query = toBundlesQuery({
      ...DEFAULT_FILTERS,
      gpuModel: 'H100_SXM',
      numGpus: 8,
      directPorts: true,
      type: 'bid',
      limit: 200,
    })
    expect(query.filters).toMatchObject({
      gpu_name: { eq: 'H100 SXM' },
      num_gpus: { eq: 8 },
      direct_port_count: { gte: 1 },
    })
    expect(query.type).toBe('bid')
    expect(query.limit).toBe(200)
  })

  it('drops the verified filter when unverified machines are allowed', () => {
    const query = toBundlesQuery({ ...DEFAULT_FILTERS, verified: false })
    expect(query.filters).not.toHaveProperty('verified')
    expect(query.filters.rentable).toEqual({ eq: true })
  })

  it('leaves "any" filters out', () => {
    const query = toBundlesQuery({ ...DEFAULT_FILTERS, gpuModel: '   ' })
    expect(Object.keys(query.filters).sort()).toEqual([
      'external',
      'rentable',
      'rented',
      'verified',
    ])
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
