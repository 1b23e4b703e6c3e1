import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Offer } from '../../api/offers/schemas'
import { createQuickFilter } from './quick-filter'

/**
 * A reference written apart from the index: each word must lie inside one of the offer's fields
 * (a word has no spaces, so this is the same as searching the fields joined by spaces).
 */
function referenceFilter(offers: readonly Offer[], query: string): number[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const fieldsOf = (offer: Offer): string[] => {
    const optional = [offer.geolocation, offer.cpu_name, offer.verification, offer.gpu_arch]
    const place = offer.hosting_type === 1 ? ['datacenter'] : []
    const count = String(offer.num_gpus)
    const present = optional.filter((value) => typeof value === 'string')
    return [`${count}x`, `${count}×`, offer.gpu_name, String(offer.id), ...present, ...place]
  }
  return offers
    .filter((offer) => {
      const fields = fieldsOf(offer).map((value) => value.toLowerCase())
      return words.every((word) => fields.some((value) => value.includes(word)))
    })
    .map((offer) => offer.id)
}

const offerArb = fc.record({
  gpu_name: fc.constantFrom('RTX 4090', 'H100 SXM', 'RTX 3090', 'A100 PCIE'),
  num_gpus: fc.constantFrom(1, 2, 4, 8),
  dph_base: fc.constant(0.2),
  dph_total: fc.constant(0.3),
  storage_cost: fc.constant(0.1),
  geolocation: fc.option(fc.constantFrom('Texas, US', 'Bavaria, DE', 'Ontario, CA'), { nil: null }),
  cpu_name: fc.option(fc.constantFrom('AMD EPYC 7543', 'Xeon Gold'), { nil: null }),
  verification: fc.option(fc.constantFrom('verified', 'unverified'), { nil: null }),
  hosting_type: fc.option(fc.constantFrom(0, 1), { nil: null }),
})
const offersArb = fc
  .array(offerArb, { maxLength: 80 })
  .map((offers) => offers.map((offer, i): Offer => ({ ...offer, id: 100 + i })))
/** Queries built from pieces of the offers' texts, typed a letter at a time and erased. */
const queryArb = fc
  .array(fc.constantFrom('rtx', ' ', '4', '90', 'us', 'x', 'epyc', 'data', '10', 'h', 'ver'), {
    maxLength: 6,
  })
  .map((parts) => parts.join(''))

describe('createQuickFilter', () => {
  it('keeps the offers the previous filter kept, keystroke after keystroke', () => {
    fc.assert(
      fc.property(offersArb, fc.array(queryArb, { maxLength: 5 }), (offers, queries) => {
        const index = createQuickFilter(offers)
        const typed = queries.flatMap((q) => [
          ...Array.from(q, (_, i) => q.slice(0, i + 1)),
          ...Array.from(q, (_, i) => q.slice(0, q.length - i - 1)),
        ])
        for (const query of typed) {
          const matches = index.match(query)
          const ids = matches ? Array.from(matches, (i) => offers[i]?.id) : offers.map((o) => o.id)
          expect(ids).toEqual(referenceFilter(offers, query))
        }
      }),
      { numRuns: 150 },
    )
  })
})
