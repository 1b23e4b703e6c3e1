import { describe, expect, it } from 'vitest'
import type { Offer } from '../../api/offers/schemas'
import { quickFilter } from './quick-filter'

const base = { num_gpus: 1, dph_base: 0.3, dph_total: 0.3, storage_cost: 0.1 }
const offers: Offer[] = [
  { ...base, id: 11, gpu_name: 'RTX 4090', geolocation: 'Texas, US' },
  { ...base, id: 12, gpu_name: 'H100 SXM', num_gpus: 8, geolocation: 'Bavaria, DE' },
  { ...base, id: 13, gpu_name: 'RTX 3090', geolocation: 'Ontario, CA', cpu_name: 'AMD EPYC' },
]

describe('quickFilter', () => {
  it('keeps every row for an empty query', () => {
    expect(quickFilter(offers, '  ')).toHaveLength(3)
  })

  it('matches every word, case-insensitively, across GPU, place, CPU and id', () => {
    expect(quickFilter(offers, 'rtx us').map((o) => o.id)).toEqual([11])
    expect(quickFilter(offers, '8x h100').map((o) => o.id)).toEqual([12])
    expect(quickFilter(offers, 'epyc').map((o) => o.id)).toEqual([13])
    expect(quickFilter(offers, '12').map((o) => o.id)).toEqual([12])
    expect(quickFilter(offers, 'rtx de')).toEqual([])
  })
})
