import { describe, expect, it } from 'vitest'
import { formatAsOf, formatMoney } from './format'

describe('formatMoney', () => {
  it('prints amounts with two decimals and prices with three', () => {
    expect(formatMoney(25)).toBe('$25.00')
    expect(formatMoney(0.4021, { decimals: 3 })).toBe('$0.402')
    expect(formatMoney(0.4, { decimals: 3, per: 'hr' })).toBe('$0.400/hr')
    expect(formatMoney(1.5, { per: 'day' })).toBe('$1.50/day')
  })
  it('groups thousands and puts the sign before the dollar', () => {
    expect(formatMoney(1234.5)).toBe('$1,234.50')
    expect(formatMoney(1234.5, { decimals: 3, per: 'hr' })).toBe('$1,234.500/hr')
    expect(formatMoney(-2)).toBe('-$2.00')
  })
})

describe('formatAsOf', () => {
  it('gives the time for an answer from today and the day too for an older one', () => {
    const now = new Date(2026, 11, 3, 16, 30).getTime()
    expect(formatAsOf(new Date(2026, 11, 3, 9, 5).getTime(), now)).toBe('09:05')
    expect(formatAsOf(new Date(2026, 11, 1, 23, 59).getTime(), now)).toBe('1 Dec 23:59')
  })
})
