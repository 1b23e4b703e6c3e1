import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { instanceSchema } from '../api/instances/schemas'
import { ageText, costSoFar, costSoFarText, formatWhen, stoppedForText } from './figures'

const NOW = Date.UTC(2026, 10, 30, 12, 0, 0)
const HOUR = 3_600_000

const instance = (fields: Record<string, unknown>) =>
  z.parse(instanceSchema, { id: 1, intended_status: 'running', ...fields })

describe('age from start_date', () => {
  it('says "up 26 h" for a running instance', () => {
    const running = instance({ actual_status: 'running', start_date: (NOW - 26.5 * HOUR) / 1000 })
    expect(ageText(running, NOW)).toBe('up 26 h')
  })
  it('calls a stopped instance’s age its age, not uptime', () => {
    const stopped = instance({
      actual_status: 'exited',
      intended_status: 'stopped',
      start_date: (NOW - 100 * HOUR) / 1000,
    })
    expect(ageText(stopped, NOW)).toBe('created 4 d ago')
  })
  it('is null without a start date', () => {
    expect(ageText(instance({ actual_status: 'running' }), NOW)).toBeNull()
  })
})

describe('cost so far', () => {
  const base = {
    actual_status: 'running',
    start_date: (NOW - 25 * HOUR) / 1000,
    dph_total: 2.0036,
    dph_base: 2,
    storage_total_cost: 0.0036,
  }
  it('is a floor, with the reason, when GPU time is unknown', () => {
    const cost = costSoFar(instance(base), NOW)
    expect(cost?.estimate).toBe(false)
    expect(costSoFarText(cost)).toBe('≥ $0.09 (GPU time unknown)')
  })
  it('is an estimate when the current run spans the whole age', () => {
    const cost = costSoFar({ ...instance(base), uptime_mins: 25 * 60 - 2 }, NOW)
    expect(cost?.estimate).toBe(true)
    expect(costSoFarText(cost)).toBe('≈ $50.02')
  })
  it('is a floor when earlier runs are not reported', () => {
    const cost = costSoFar({ ...instance(base), uptime_mins: 60 }, NOW)
    expect(costSoFarText(cost)).toBe('≥ $2.09 (earlier runs not reported)')
  })
  it('shows a dash without a start date or rates', () => {
    expect(costSoFarText(costSoFar(instance({ actual_status: 'running' }), NOW))).toBe('—')
  })
})

describe('stopped for', () => {
  it('never says "≥ 0 d"', () => {
    expect(stoppedForText(NOW - 5_000, NOW)).toBe('seen just now')
    expect(stoppedForText(NOW - 3 * HOUR, NOW)).toBe('≥ 3 h')
    expect(stoppedForText(NOW - 80 * HOUR, NOW)).toBe('≥ 3 d')
    expect(stoppedForText(null, NOW)).toBe('—')
  })
})

describe('times', () => {
  it('carry a date once they are not today’s', () => {
    const today = new Date(NOW)
    today.setHours(9, 5, 0, 0)
    expect(formatWhen(today.getTime(), NOW)).toBe('09:05')
    const earlier = new Date(NOW)
    earlier.setDate(earlier.getDate() - 2)
    earlier.setHours(14, 5, 0, 0)
    expect(formatWhen(earlier.getTime(), NOW)).toBe('28 Nov 14:05')
    const lastYear = new Date(2025, 10, 28, 14, 5)
    expect(formatWhen(lastYear.getTime(), NOW)).toBe('28 Nov 2025 14:05')
  })
})
