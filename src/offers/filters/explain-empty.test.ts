import { describe, expect, it } from 'vitest'
import type { Offer } from '../../api/offers/schemas'
import { explainEmpty, relaxedFilters } from './explain-empty'
import { DEFAULT_FILTERS } from './offer-filters'

function offer(id: number, patch: Partial<Offer>): Offer {
  return {
    id,
    gpu_name: 'RTX 4090',
    num_gpus: 1,
    dph_base: 0.3,
    dph_total: 0.3,
    storage_cost: 0.1,
    verification: 'verified',
    geolocation: 'Texas, US',
    ...patch,
  }
}

const offers = [
  offer(1, { dph_total: 0.3 }),
  offer(2, { dph_total: 0.5, gpu_name: 'H100 SXM' }),
  offer(3, { dph_total: 2.5, gpu_name: 'H100 SXM' }),
  offer(4, { dph_total: 0.2, geolocation: 'Bavaria, DE' }),
]

describe('explainEmpty', () => {
  it('names the filter whose removal brings offers back', () => {
    const filters = { ...DEFAULT_FILTERS, gpuModels: ['H100 SXM'], maxPrice: 0.25 }
    const { culprit, effects, sample } = explainEmpty(offers, filters)
    expect(sample).toBe(4)
    expect(culprit).toMatchObject({ id: 'maxPrice', text: 'price ≤ $0.25/hr', without: 2 })
    expect(effects.find((e) => e.id === 'gpuModels')).toMatchObject({ alone: 2, without: 1 })
  })

  it('falls back to the filter that alone keeps the fewest when no single removal helps', () => {
    const filters = {
      ...DEFAULT_FILTERS,
      gpuModels: ['H100 SXM'],
      maxPrice: 0.25,
      countries: ['FR'],
    }
    const { culprit } = explainEmpty(offers, filters)
    expect(culprit?.without).toBe(0)
    expect(culprit?.id).toBe('countries')
  })

  it('has no culprit when no filter is active', () => {
    expect(explainEmpty(offers, { ...DEFAULT_FILTERS, verified: false }).culprit).toBeNull()
  })

  it('relaxes to an unfiltered search with the same pricing and order', () => {
    const relaxed = relaxedFilters({ ...DEFAULT_FILTERS, type: 'bid', maxPrice: 1 })
    expect(relaxed).toMatchObject({ type: 'bid', verified: false, maxPrice: null })
  })
})
