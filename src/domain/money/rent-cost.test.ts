import { describe, expect, it } from 'vitest'
import { defaultBid, matchListing, rentCost, storagePerHour } from './rent-cost'

describe('rentCost', () => {
  it('prices storage as disk × $/GB/month / 720, as the reference example does', () => {
    // Reference §3.5: 10 GB × 0.149333 / 720 = 0.0020741, and 1.0 + that = dph_total.
    expect(storagePerHour(10, 0.149333)).toBeCloseTo(0.0020741, 7)
    const cost = rentCost({ gpuPerHour: 1, storageCostPerGbMonth: 0.149333, diskGb: 10 })
    expect(cost.totalPerHour).toBeCloseTo(1.0020741, 7)
  })

  it('gives per-hour, per-day and stopped-per-day figures', () => {
    const cost = rentCost({ gpuPerHour: 0.4, storageCostPerGbMonth: 0.15, diskGb: 48 })
    expect(cost.gpuPerHour).toBe(0.4)
    expect(cost.storagePerHour).toBeCloseTo(0.01, 10)
    expect(cost.totalPerHour).toBeCloseTo(0.41, 10)
    expect(cost.totalPerDay).toBeCloseTo(9.84, 10)
    expect(cost.storagePerDay).toBeCloseTo(0.24, 10)
  })

  it('charges nothing for storage that is free', () => {
    expect(rentCost({ gpuPerHour: 2, storageCostPerGbMonth: 0, diskGb: 100 }).totalPerDay).toBe(48)
  })
})

describe('defaultBid', () => {
  it('shows the minimum bid with three decimals, rounded up so it is never below the minimum', () => {
    expect(defaultBid(0.25)).toBe('0.250')
    expect(defaultBid(0.3)).toBe('0.300')
    expect(defaultBid(0.2501)).toBe('0.251')
    expect(defaultBid(1.1234567)).toBe('1.124')
  })

  it('leaves the field empty when the minimum is unknown', () => {
    expect(defaultBid(null)).toBe('')
    expect(defaultBid(undefined)).toBe('')
    expect(defaultBid(0)).toBe('')
    expect(defaultBid(Number.NaN)).toBe('')
  })
})

describe('the listed price', () => {
  it('is the total when the rental is what the list priced, so row and dialog agree', () => {
    const cost = rentCost({ gpuPerHour: 0.2, storageCostPerGbMonth: 1.85, diskGb: 10 })
    // Computed 0.225694… prints $0.226; Vast listed 0.2254 ($0.225).
    const matched = matchListing(cost, { dphTotal: 0.2254, diskGb: 10 }, 10)
    expect(matched.totalPerHour).toBe(0.2254)
    expect(matched.storagePerHour).toBeCloseTo(0.0254, 10)
  })
  it('leaves another disk size to the computation', () => {
    const cost = rentCost({ gpuPerHour: 0.2, storageCostPerGbMonth: 1.85, diskGb: 40 })
    expect(matchListing(cost, { dphTotal: 0.2254, diskGb: 10 }, 40)).toBe(cost)
  })
})
