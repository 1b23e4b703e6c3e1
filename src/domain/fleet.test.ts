import { describe, expect, it } from 'vitest'
import { attentionCount, endWarning, fleetSummary, isOutbid, titleWithCount } from './fleet'

const NOW = 1_800_000_000_000
const box = (
  id: number,
  actual: string,
  intended: string,
  extra: Partial<{
    dph_total: number | null
    storage_total_cost: number | null
    end_date: number | null
    is_bid: boolean
    status_msg: string
  }> = {},
) => ({
  id,
  label: null,
  actual_status: actual,
  intended_status: intended,
  dph_total: 0.5,
  storage_total_cost: 0.01,
  ...extra,
})

describe('fleetSummary', () => {
  it('counts running, sums what bills now and what the stopped ones bill per day', () => {
    const fleet = fleetSummary(
      [
        box(1, 'running', 'running', { dph_total: 0.4 }),
        box(2, 'running', 'running', { dph_total: 0.6 }),
        box(3, 'exited', 'stopped', { storage_total_cost: 0.02 }),
        box(4, 'exited', 'stopped', { storage_total_cost: 0.03 }),
      ],
      100,
    )
    expect(fleet.running).toBe(2)
    // 0.4 + 0.6 while running, plus 0.02 + 0.03 of storage for the stopped ones.
    expect(fleet.perHour).toBeCloseTo(1.05)
    expect(fleet.runway).toBeCloseTo(100 / 1.05)
    expect(fleet.low).toBe(false)
    expect(fleet.stopped).toBe(2)
    expect(fleet.stoppedPerDay).toBeCloseTo((0.02 + 0.03) * 24)
  })
  it('is red under 24 h of runway while something bills, not when nothing does', () => {
    expect(fleetSummary([box(1, 'running', 'running', { dph_total: 1 })], 23.9).low).toBe(true)
    expect(fleetSummary([box(1, 'running', 'running', { dph_total: 1 })], 24).low).toBe(false)
    expect(fleetSummary([], 1).low).toBe(false)
    expect(fleetSummary([], 1).runway).toBe(Infinity)
  })
  it('keeps the runway unknown without the credit and counts unpriced instances', () => {
    const fleet = fleetSummary([box(1, 'running', 'running', { dph_total: null })], null)
    expect(fleet.runway).toBeNull()
    expect(fleet.low).toBe(false)
    expect(fleet.unknown).toBe(1)
  })
})

describe('the attention count in the title', () => {
  it('counts errors, offline hosts, outbid instances and contracts ending within a day', () => {
    const sec = NOW / 1000
    const list = [
      box(1, 'running', 'running'),
      box(2, 'offline', 'running'),
      box(3, 'exited', 'running', { status_msg: 'exited with error' }),
      box(4, 'stopped', 'running', { is_bid: true }),
      box(5, 'running', 'running', { end_date: sec + 3 * 3600 }),
      box(6, 'running', 'running', { end_date: sec + 3 * 86_400 }),
      box(7, 'exited', 'stopped'),
    ]
    expect(attentionCount(list, NOW)).toBe(4)
    expect(titleWithCount('Vast GPU Console', 4)).toBe('(4) Vast GPU Console')
    expect(titleWithCount('Vast GPU Console', 0)).toBe('Vast GPU Console')
  })
  it('tells an outbid bid from an on-demand instance starting', () => {
    expect(isOutbid(box(1, 'stopped', 'running', { is_bid: true }))).toBe(true)
    expect(isOutbid(box(1, 'stopped', 'running'))).toBe(false)
    expect(isOutbid(box(1, 'exited', 'stopped', { is_bid: true }))).toBe(false)
  })
  it('warns 24 h and 1 h before the contract ends', () => {
    const sec = NOW / 1000
    expect(endWarning({ end_date: sec + 25 * 3600 }, NOW)).toBeNull()
    expect(endWarning({ end_date: sec + 23 * 3600 }, NOW)).toBe('24h')
    expect(endWarning({ end_date: sec + 1800 }, NOW)).toBe('1h')
    expect(endWarning({ end_date: null }, NOW)).toBeNull()
  })
})
