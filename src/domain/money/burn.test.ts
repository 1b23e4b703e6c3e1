import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { instanceSchema, type Instance } from '../../api/instances/schemas'
import {
  accruedCost,
  spendable,
  burnOf,
  burnRate,
  formatRunway,
  gpuRate,
  runningSummary,
  runwayHours,
  stillBilling,
  storagePerDay,
} from './burn'

const RUNNING = { actual_status: 'running', intended_status: 'running' }
const STOPPED = { actual_status: 'exited', intended_status: 'stopped' }
const LOADING = { actual_status: 'loading', intended_status: 'running' }

function instance(raw: Record<string, unknown>): Instance {
  return z.parse(instanceSchema, {
    id: 1,
    dph_base: 0.3,
    dph_total: '0.31',
    storage_total_cost: 0.01,
    ...raw,
  })
}

describe('burn rate', () => {
  it('bills GPU + storage while running, storage alone while stopped or loading', () => {
    expect(burnOf(instance(RUNNING))).toEqual({ perHour: 0.31, known: true })
    expect(burnOf(instance(STOPPED))).toEqual({ perHour: 0.01, known: true })
    expect(burnOf(instance(LOADING))).toEqual({ perHour: 0.01, known: true })
    expect(burnOf(instance({ actual_status: 'frozen', intended_status: 'frozen' })).perHour).toBe(
      0.31,
    )
  })

  it('sums running GPUs and all storage', () => {
    const burn = burnRate([
      instance({ id: 1, ...RUNNING }),
      instance({ id: 2, ...RUNNING, dph_total: 1.02, dph_base: 1, storage_total_cost: 0.02 }),
      instance({ id: 3, ...STOPPED, storage_total_cost: 0.05 }),
      instance({ id: 4, ...LOADING, storage_total_cost: 0.04 }),
    ])
    expect(burn.perHour).toBeCloseTo(0.31 + 1.02 + 0.05 + 0.04, 10)
    expect(burn.storagePerHour).toBeCloseTo(0.01 + 0.02 + 0.05 + 0.04, 10)
    expect(burn.gpuPerHour).toBeCloseTo(0.3 + 1.0, 10)
    expect(burn.gpuCount).toBe(2)
    expect(burn.unknown).toBe(0)
  })

  it('counts instances without a price as unknown (the figure is a floor)', () => {
    const burn = burnRate([
      instance({ ...STOPPED, storage_total_cost: null }),
      instance({ id: 2, ...RUNNING, dph_total: null, dph_base: null, storage_total_cost: null }),
    ])
    expect(burn).toMatchObject({ perHour: 0, unknown: 2 })
  })

  it('derives the GPU rate from dph_total − storage when dph_base is missing', () => {
    expect(gpuRate(instance({ dph_base: null }))).toBeCloseTo(0.3, 10)
  })
})

describe('runway', () => {
  it('is credit ÷ $/hr', () => {
    expect(runwayHours(25, 0.5)).toBe(50)
    expect(runwayHours(10, 0.31)).toBeCloseTo(32.258, 3)
  })
  it('is infinite with no spend, zero with no credit, unknown without a credit', () => {
    expect(runwayHours(25, 0)).toBe(Infinity)
    expect(runwayHours(0, 1)).toBe(0)
    expect(runwayHours(-3, 1)).toBe(0)
    expect(runwayHours(null, 1)).toBeNull()
  })
  it('reads in days, hours and minutes', () => {
    expect(formatRunway(50)).toBe('2 d 2 h')
    expect(formatRunway(48)).toBe('2 d')
    expect(formatRunway(5.2)).toBe('5 h 12 min')
    expect(formatRunway(0.7)).toBe('42 min')
    expect(formatRunway(0.001)).toBe('< 1 min')
    expect(formatRunway(Infinity)).toBe('no spend')
    expect(formatRunway(0)).toBe('credit used up')
    expect(formatRunway(null)).toBe('—')
  })
})

describe('accrued cost', () => {
  const now = 1_800_000_000_000
  it('is storage for the whole age plus the GPU for the current run', () => {
    const started = now / 1000 - 10 * 3600 // 10 h ago
    const cost = accruedCost(
      { ...instance({ ...RUNNING, start_date: started }), uptime_mins: 240 },
      now,
    )
    expect(cost).toBeCloseTo(0.01 * 10 + 0.3 * 4, 10)
  })
  it('counts only storage for a stopped box, and never more GPU time than the age', () => {
    const started = now / 1000 - 2 * 3600
    expect(accruedCost(instance({ ...STOPPED, start_date: started }), now)).toBeCloseTo(0.02, 10)
    expect(
      accruedCost({ ...instance({ ...RUNNING, start_date: started }), uptime_mins: 600 }, now),
    ).toBeCloseTo(0.01 * 2 + 0.3 * 2, 10)
  })
  it('is unknown without a start date', () => {
    expect(accruedCost(instance({ ...RUNNING, start_date: null }), now)).toBeNull()
  })
})

describe('still billing', () => {
  it('lists stopped instances, dearest first, with days stopped and the daily total', () => {
    const now = 1_800_000_000_000
    const { rows, perDay } = stillBilling(
      [
        instance({ id: 1, ...STOPPED, storage_total_cost: 0.01 }),
        instance({ id: 2, ...RUNNING }),
        instance({ id: 3, ...STOPPED, storage_total_cost: 0.02, label: 'old' }),
      ],
      (id) => (id === 3 ? now - 3 * 86_400_000 : null),
      now,
    )
    expect(rows.map((r) => r.id)).toEqual([3, 1])
    expect(rows[0]).toMatchObject({ label: 'old', daysStopped: 3 })
    expect(rows[0]?.perDay).toBeCloseTo(0.48, 10)
    expect(rows[1]?.daysStopped).toBeNull()
    expect(perDay).toBeCloseTo(0.72, 10)
  })
})

describe('per-instance summaries', () => {
  it('turns the hourly storage cost into a daily one', () => {
    expect(storagePerDay(instance({ storage_total_cost: 0.00833333 }))).toBeCloseTo(0.2, 5)
    expect(storagePerDay(instance({ storage_total_cost: '0.5' }))).toBe(12)
  })
  it('leaves an unknown storage cost unknown instead of zero', () => {
    expect(storagePerDay(instance({ storage_total_cost: null }))).toBeNull()
    expect(storagePerDay(instance({ storage_total_cost: undefined }))).toBeNull()
  })
  it('sums what running instances cost per hour, ignoring the others', () => {
    const list = [
      instance({ id: 1, actual_status: 'running', intended_status: 'running', dph_total: 0.3 }),
      instance({ id: 2, actual_status: 'running', intended_status: 'running', dph_total: '1.2' }),
      instance({ id: 3, actual_status: 'exited', intended_status: 'stopped', dph_total: 5 }),
      instance({ id: 4, actual_status: 'loading', intended_status: 'running', dph_total: 5 }),
    ]
    const summary = runningSummary(list)
    expect(summary.running).toBe(2)
    expect(summary.perHour).toBeCloseTo(1.5, 6)
  })
})

describe('spendable', () => {
  it('uses credit when Vast sends it, else balance, else nothing', () => {
    expect(spendable({ credit: 5, balance: 0 })).toEqual({ amount: 5, field: 'credit' })
    expect(spendable({ credit: null, balance: 12.5 })).toEqual({ amount: 12.5, field: 'balance' })
    expect(spendable({})).toBeNull()
  })
})
