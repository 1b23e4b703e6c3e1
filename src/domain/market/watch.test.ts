import { describe, expect, it } from 'vitest'
import {
  cheapestHit,
  nextDueWatch,
  shouldFire,
  watchCallsPerMinuteCeiling,
  watchIntervalMin,
  watchThreshold,
} from './watch'

const rule = (maxPerHour: number | null, dropPercent: number | null, baseline: number | null) => ({
  maxPerHour,
  dropPercent,
  baseline,
})

describe('watch thresholds and matching', () => {
  it('uses the price cap, else the drop under the baseline', () => {
    expect(watchThreshold(rule(0.5, 10, 1))).toBe(0.5)
    expect(watchThreshold(rule(null, 20, 1))).toBeCloseTo(0.8)
    expect(watchThreshold(rule(null, 20, null))).toBeNull()
    expect(watchThreshold(rule(null, 100, 1))).toBeNull()
    expect(watchThreshold(rule(0, null, null))).toBeNull()
  })

  it('hits the cheapest offer at or under the threshold', () => {
    const offers = [
      { id: 1, dph_total: 0.6 },
      { id: 2, dph_total: 0.5 },
      { id: 3, dph_total: 0.3 },
    ]
    expect(cheapestHit(offers, 0.5)?.id).toBe(3)
    expect(cheapestHit(offers, 0.29)).toBeNull()
    expect(cheapestHit(offers, null)).toBeNull()
  })

  it('fires once per drop', () => {
    expect(shouldFire(false, { id: 1 })).toBe(true)
    expect(shouldFire(true, { id: 1 })).toBe(false)
    expect(shouldFire(true, null)).toBe(false)
    expect(shouldFire(false, null)).toBe(false)
  })
})

describe('watch pacing', () => {
  it('keeps the interval at five minutes or more, thirty when the tab is hidden', () => {
    expect(watchIntervalMin(1, false)).toBe(5)
    expect(watchIntervalMin(12, false)).toBe(12)
    expect(watchIntervalMin(12, true)).toBe(30)
    expect(watchIntervalMin(45, true)).toBe(45)
    expect(watchIntervalMin(Number.NaN, false)).toBe(5)
  })

  it('runs the most overdue watch, spaced from the last run of any watch', () => {
    const now = 10 * 60_000
    const watches = [
      { id: 'a', intervalMin: 5, lastRunAt: now - 6 * 60_000 },
      { id: 'b', intervalMin: 5, lastRunAt: now - 9 * 60_000 },
      { id: 'c', intervalMin: 5, lastRunAt: now - 60_000 },
    ]
    expect(nextDueWatch(watches, now, false, null)).toBe('b')
    expect(nextDueWatch(watches, now, false, now - 10_000)).toBeNull()
    expect(nextDueWatch(watches, now, false, now - 15_000)).toBe('b')
    // Hidden: thirty minutes between runs, so none of these is due yet.
    expect(nextDueWatch(watches, now, true, null)).toBeNull()
    // Never run: due at once.
    expect(nextDueWatch([{ id: 'n', intervalMin: 60, lastRunAt: null }], now, true, null)).toBe('n')
    expect(watchCallsPerMinuteCeiling()).toBe(4)
  })
})
