import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import type { Offer } from '../api/offers/schemas'
import { DEFAULT_FILTERS, type OfferFilters } from './filters/offer-filters'
import {
  answerLocally,
  broaderLoadedRows,
  LOCAL_ANSWER_MAX_AGE_MS,
  offerSearchKey,
  type OfferSearch,
} from './offer-search'

const offer = (id: number, price: number): Offer => ({
  id,
  gpu_name: 'RTX 4090',
  num_gpus: 1,
  dph_base: price,
  dph_total: price,
  storage_cost: 0.1,
  verification: 'verified',
})

/** Ten offers at $0.10 … $1.00, in the order the server ranked them. */
const OFFERS = Array.from({ length: 10 }, (_, i) => offer(i + 1, (i + 1) / 10))

function cache(filters: OfferFilters, offers: Offer[], complete: boolean) {
  const client = new QueryClient()
  const data: OfferSearch = { offers, dropped: 0, filters, local: false, complete }
  client.setQueryData(offerSearchKey(filters), data)
  return client
}

const broad: OfferFilters = { ...DEFAULT_FILTERS, sort: 'price-asc', limit: 100 }

describe('answerLocally', () => {
  it('answers a lower price cap from a complete cached list, without a request', () => {
    const client = cache(broad, OFFERS, true)
    const answer = answerLocally(client, { ...broad, maxPrice: 0.35 })
    expect(answer?.local).toBe(true)
    expect(answer?.complete).toBe(true)
    expect(answer?.offers.map((o) => o.id)).toEqual([1, 2, 3])
  })

  it('answers from a truncated list only when it still holds `limit` matching rows', () => {
    const client = cache({ ...broad, limit: 10 }, OFFERS, false)
    expect(answerLocally(client, { ...broad, limit: 50, maxPrice: 0.35 })).toBeNull()
    const answer = answerLocally(client, { ...broad, limit: 2, maxPrice: 0.35 })
    expect(answer?.offers.map((o) => o.id)).toEqual([1, 2])
    expect(answer?.complete).toBe(false)
  })

  it('never answers a looser search, another type or order, or the same search (a refresh)', () => {
    const client = cache({ ...broad, maxPrice: 0.5 }, OFFERS.slice(0, 5), true)
    expect(answerLocally(client, { ...broad, maxPrice: 0.8 })).toBeNull()
    expect(answerLocally(client, { ...broad, maxPrice: 0.3, type: 'bid' })).toBeNull()
    expect(answerLocally(client, { ...broad, maxPrice: 0.3, sort: 'score-desc' })).toBeNull()
    expect(answerLocally(client, { ...broad, maxPrice: 0.5 })).toBeNull()
  })

  it('ignores invalidated and old answers (offers are volatile)', async () => {
    const client = cache(broad, OFFERS, true)
    const narrow = { ...broad, maxPrice: 0.2 }
    expect(answerLocally(client, narrow, Date.now() + LOCAL_ANSWER_MAX_AGE_MS + 1)).toBeNull()
    await client.invalidateQueries()
    expect(answerLocally(client, narrow)).toBeNull()
  })
})

describe('broaderLoadedRows', () => {
  it('finds the rows of a broader search to explain an empty one', () => {
    const client = cache(broad, OFFERS, false)
    expect(broaderLoadedRows(client, { ...broad, maxPrice: 0.01 })).toHaveLength(10)
    expect(broaderLoadedRows(client, { ...broad, type: 'bid' })).toBeNull()
  })
})
