import { describe, expect, it } from 'vitest'
import { jobCost } from './job-cost'

const offer = {
  dph_total: 0.4 + (10 * 0.15) / 720,
  storage_total_cost: (10 * 0.15) / 720,
  storage_cost: 0.15,
  inet_up_cost: 0.02,
  inet_down_cost: 0.01,
}

describe('jobCost', () => {
  it('adds compute, storage for the disk over the hours, and bandwidth at $/GB', () => {
    const cost = jobCost(offer, { hours: 10, diskGb: 72, downloadGb: 100, uploadGb: 50 })
    expect(cost.compute).toBeCloseTo(4, 6)
    // 72 GB × $0.15/GB/month ÷ 720 h = $0.015/h, for 10 h.
    expect(cost.storage).toBeCloseTo(0.15, 6)
    expect(cost.bandwidth).toBeCloseTo(100 * 0.01 + 50 * 0.02, 6)
    expect(cost.total).toBeCloseTo(4 + 0.15 + 2, 6)
  })

  it('reads missing bandwidth prices as free and missing storage totals as none', () => {
    const cost = jobCost(
      { ...offer, inet_up_cost: null, inet_down_cost: null, storage_total_cost: null },
      { hours: 1, diskGb: 0, downloadGb: 10, uploadGb: 10 },
    )
    expect(cost.bandwidth).toBe(0)
    expect(cost.compute).toBeCloseTo(offer.dph_total, 9)
  })
})
