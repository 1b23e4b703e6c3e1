// Property-based tests (fast-check) of query building: any URL, however mangled, becomes a
// valid bundles query, and a URL written from filters reads back as the same filters.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bundlesBody } from '../../api/offers/bundles-query'
import { LIMIT_OPTIONS, OFFER_TYPES } from './offer-filters'
import { toBundlesQuery } from './filter-criteria'
import { parseOfferFilters, serializeOfferFilters } from './filter-url'

const PARAMS = [
  'gpu',
  'gpus',
  'verified',
  'dc',
  'staticip',
  'direct',
  'type',
  'country',
  'countrymode',
  'sort',
  'limit',
  'rel',
  'price',
  'days',
  'vram',
  'ram',
  'cc',
  'tab',
  'x',
]
const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('1', '0', 'true', '8', '100', '0.5', '-1', 'NaN', '1e9', 'RTX 4090', 'US,DE'),
  fc.double().map(String),
)
const urlParams = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...PARAMS), fc.string({ maxLength: 8 })), value), {
    maxLength: 25,
  })
  .map((pairs) => new URLSearchParams(pairs))

type Scalar = number | boolean | string | null
function scalars(v: unknown): Scalar[] {
  if (Array.isArray(v)) return v.flatMap(scalars)
  if (typeof v === 'object' && v !== null) return Object.values(v).flatMap(scalars)
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' || v === null)
    return [v]
  throw new Error(`not JSON: ${typeof v}`)
}

describe('query building, for any URL', () => {
  it('gives a bundles query that is plain JSON with the safe defaults and a valid limit', () => {
    fc.assert(
      fc.property(urlParams, (params) => {
        const query = toBundlesQuery(parseOfferFilters(params))
        const body = bundlesBody(query)
        expect(JSON.parse(JSON.stringify(body))).toEqual(body)
        for (const s of scalars(body))
          if (typeof s === 'number') expect(Number.isFinite(s)).toBe(true)
        expect(query.filters.rentable).toEqual({ eq: true })
        expect(query.filters.rented).toEqual({ eq: false })
        expect(LIMIT_OPTIONS).toContain(query.limit)
        expect(OFFER_TYPES).toContain(query.type)
      }),
    )
  })

  it('reads back what it writes (the URL is a faithful store of the filters)', () => {
    fc.assert(
      fc.property(urlParams, (params) => {
        const filters = parseOfferFilters(params)
        const again = parseOfferFilters(serializeOfferFilters(filters))
        expect(again).toEqual(filters)
        expect(toBundlesQuery(again)).toEqual(toBundlesQuery(filters))
      }),
    )
  })

  it('keeps parameters that are not filters', () => {
    fc.assert(
      fc.property(urlParams, fc.string({ maxLength: 10 }), (params, tab) => {
        const base = new URLSearchParams({ tab })
        expect(serializeOfferFilters(parseOfferFilters(params), base).get('tab')).toBe(tab)
      }),
    )
  })
})
