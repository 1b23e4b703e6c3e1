// Property-based tests (fast-check) of response parsing: whatever Vast sends, parsing never
// throws, never invents a price, never keeps a secret, and every row is either read or counted.
import fc from 'fast-check'
import * as z from 'zod/mini'
import { describe, expect, it } from 'vitest'
import sample from './fixtures/offers.json'
import { errorFromStatus } from './errors'
import { accountSchema } from './account/schemas'
import { instanceSchema } from './instances/schemas'
import { offerSchema } from './offers/schemas'
import { parseRows } from './parse'

const json = fc.jsonValue({ maxDepth: 3 })
const rawOffer: unknown = sample.offers[0]
const offerRow = (): Record<string, unknown> =>
  typeof rawOffer === 'object' && rawOffer !== null ? { ...rawOffer } : {}
const offerKeys = Object.keys(offerRow())

describe('parsing, for any input', () => {
  it('parseRows reads or counts every row and never throws', () => {
    fc.assert(
      fc.property(fc.array(json, { maxLength: 20 }), (rows) => {
        const offers = parseRows(offerSchema, rows)
        expect(offers.rows.length + offers.dropped).toBe(rows.length)
        const instances = parseRows(instanceSchema, rows)
        expect(instances.rows.length + instances.dropped).toBe(rows.length)
      }),
    )
  })

  it('a real offer row with any field replaced: kept only with a real id and real prices', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...offerKeys),
        fc.oneof(json, fc.constantFrom('', ' 1.5 ', 'abc', 'NaN', 'Infinity', null, '1e400')),
        (key, value) => {
          const row = { ...offerRow(), [key]: value }
          const parsed = z.safeParse(offerSchema, row)
          if (!parsed.success) return
          expect(Number.isInteger(parsed.data.id)).toBe(true)
          for (const price of [
            parsed.data.dph_total,
            parsed.data.dph_base,
            parsed.data.storage_cost,
          ])
            expect(Number.isFinite(price)).toBe(true)
        },
      ),
    )
  })

  it('numeric strings are read as their numbers, never other strings', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1e6 }), (n) => {
        const row = { ...offerRow(), dph_total: String(n), inet_up: `  ${n} ` }
        const parsed = z.safeParse(offerSchema, row)
        expect(parsed.success).toBe(true)
        if (parsed.success) {
          expect(parsed.data.dph_total).toBe(n)
          expect(parsed.data.inet_up).toBe(n)
        }
      }),
    )
  })

  it('the account never keeps the api_key it echoes', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), json, (key, extra) => {
        const parsed = z.safeParse(accountSchema, {
          id: 1,
          email: 'a@example.com',
          credit: 5,
          api_key: key,
          extra,
        })
        if (parsed.success) expect(JSON.stringify(parsed.data)).not.toContain(`"api_key"`)
      }),
    )
  })

  it('any failed response maps to one ApiError with a short, readable message', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 300, max: 599 }),
        fc.record(
          { error: fc.string(), msg: fc.string(), text: fc.string({ maxLength: 5000 }) },
          { requiredKeys: [] },
        ),
        (status, body) => {
          const error = errorFromStatus(status, body)
          if (status === 429) expect(error.kind).toBe('rate_limited')
          if (status >= 500) expect(error.kind).toBe('server')
          if (body.text && !body.msg) expect(error.message.length).toBeLessThan(260)
        },
      ),
    )
  })
})
