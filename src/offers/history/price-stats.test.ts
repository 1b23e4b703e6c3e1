import { describe, expect, it } from 'vitest'
import type { Offer } from '../../api/offers/schemas'
import {
  cheaperThanPercent,
  MAX_VALUES_PER_MODEL,
  parseSnapshots,
  percentile,
  perGpuHour,
  seenPrices,
  seriesOf,
  snapshotOf,
  stats,
} from './price-stats'

const offer = (id: number, gpu: string, total: number, gpus = 1): Offer => ({
  id,
  gpu_name: gpu,
  num_gpus: gpus,
  dph_base: total,
  dph_total: total + 0.01,
  storage_total_cost: 0.01,
  storage_cost: 0.1,
})

describe('percentiles', () => {
  it('interpolates between sorted values', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
    expect(percentile(values, 50)).toBe(6)
    expect(percentile(values, 10)).toBe(2)
    expect(percentile(values, 90)).toBe(10)
    expect(percentile([1, 2], 50)).toBe(1.5)
    expect(percentile([], 50)).toBeNaN()
  })

  it('summarizes p10/median/p90 whatever the input order', () => {
    expect(stats([5, 1, 3])).toEqual({ p10: 1.4, median: 3, p90: 4.6, count: 3 })
    expect(stats([])).toBeNull()
  })

  it('says "cheaper than N% seen" from the share of prices above', () => {
    const seen = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]
    expect(cheaperThanPercent(0.35, seen)).toBe(88)
    // An equal price is not cheaper: 5 of 8 seen are higher than 0.5.
    expect(cheaperThanPercent(0.5, seen)).toBe(63)
    expect(cheaperThanPercent(1.5, seen)).toBe(0)
    expect(cheaperThanPercent(0.1, seen)).toBe(100)
    expect(cheaperThanPercent(0.5, [])).toBeNull()
  })
})

describe('snapshots', () => {
  it('records $/GPU-hour (compute only) per model, sorted', () => {
    expect(perGpuHour(offer(1, 'H100 SXM', 16, 8))).toBeCloseTo(2, 9)
    const snap = snapshotOf(
      [offer(1, 'RTX 4090', 0.5), offer(2, 'RTX 4090', 0.3), offer(3, 'H100 SXM', 16, 8)],
      'on-demand',
      1000,
    )
    expect(snap.at).toBe(1000)
    expect(snap.byModel['RTX 4090']?.map((v) => v.toFixed(2))).toEqual(['0.30', '0.50'])
    expect(snap.byModel['H100 SXM']?.[0]).toBeCloseTo(2, 9)
  })

  it('keeps a bounded number of values per model', () => {
    const many = Array.from({ length: 1000 }, (_, i) => offer(i, 'L4', 0.1 + i / 1000))
    const values = snapshotOf(many, 'on-demand', 0).byModel.L4 ?? []
    expect(values).toHaveLength(MAX_VALUES_PER_MODEL)
    expect(values[0]).toBeCloseTo(0.1, 9)
    expect(values.at(-1)).toBeCloseTo(1.099, 9)
  })

  it('gives a series per model and type, and pools prices seen', () => {
    const a = snapshotOf([offer(1, 'L4', 0.2), offer(2, 'L4', 0.4)], 'on-demand', 1)
    const b = snapshotOf([offer(3, 'L4', 0.3)], 'on-demand', 2)
    const bid = snapshotOf([offer(4, 'L4', 0.05)], 'bid', 3)
    expect(
      seriesOf([a, b, bid], 'L4', 'on-demand').map((s) => [s.at, s.median.toFixed(2)]),
    ).toEqual([
      [1, '0.30'],
      [2, '0.30'],
    ])
    expect(seenPrices([a, b, bid], 'L4', 'bid')).toHaveLength(1)
  })

  it('reads an export back and leaves out what it cannot read', () => {
    const snap = snapshotOf([offer(1, 'L4', 0.2)], 'on-demand', 5)
    expect(parseSnapshots({ snapshots: [snap] })).toEqual([snap])
    expect(
      parseSnapshots([{ at: 'x' }, { at: 1, type: 'bid', byModel: { L4: [0.2, 'x', -1] } }]),
    ).toEqual([{ at: 1, type: 'bid', byModel: { L4: [0.2] } }])
    expect(parseSnapshots('nope')).toEqual([])
  })
})
