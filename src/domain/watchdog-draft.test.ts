import { describe, expect, it } from 'vitest'
import { draftFromRules, NO_WATCHDOG, rulesFromDraft, rulesText } from './watchdog-draft'

const NOW = 1_800_000_000

describe('rulesFromDraft', () => {
  it('gives no rule for the default draft', () => {
    expect(rulesFromDraft(NO_WATCHDOG, { perHour: 1, nowSec: NOW })).toEqual({
      rules: { deadline: null, idle: null },
      errors: {},
      budgetDeadline: null,
    })
  })
  it('combines after-N-hours, idle and a budget: the earliest deadline wins', () => {
    const result = rulesFromDraft(
      { ...NO_WATCHDOG, mode: 'destroy', hours: '10', idle: true, budget: '2' },
      { perHour: 0.5, nowSec: NOW },
    )
    // $2 at $0.50/hr is 4 h: earlier than the 10 h destroy, so the budget's stop wins.
    expect(result.budgetDeadline).toEqual({ action: 'stop', atSec: NOW + 4 * 3600 })
    expect(result.rules).toEqual({
      deadline: { action: 'stop', atSec: NOW + 4 * 3600 },
      idle: { minutes: 30, belowPct: 5 },
    })
  })
  it('counts the budget from what the instance has already cost', () => {
    const result = rulesFromDraft(
      { ...NO_WATCHDOG, budget: '3' },
      { perHour: 1, nowSec: NOW, spentUsd: 1 },
    )
    expect(result.rules.deadline).toEqual({ action: 'stop', atSec: NOW + 2 * 3600 })
  })
  it('says what is wrong with each rule', () => {
    const result = rulesFromDraft(
      { ...NO_WATCHDOG, mode: 'stop', hours: '0', idle: true, idleMinutes: '0', budget: 'x' },
      { perHour: 1, nowSec: NOW },
    )
    expect(Object.keys(result.errors).sort()).toEqual(['budget', 'hours', 'idle'])
    expect(
      rulesFromDraft({ ...NO_WATCHDOG, budget: '5' }, { perHour: null, nowSec: NOW }).errors.budget,
    ).toMatch(/price is not known/)
  })
})

describe('draftFromRules and rulesText', () => {
  it('starts "Change rules" from the rules in force', () => {
    const rules = {
      deadline: { action: 'stop' as const, atSec: NOW + 5400 },
      idle: { minutes: 45, belowPct: 10 },
    }
    expect(draftFromRules(rules, NOW)).toMatchObject({
      mode: 'stop',
      hours: '1.5',
      idle: true,
      idleMinutes: '45',
      idleBelowPct: '10',
    })
    expect(rulesText(rules, (sec) => String(sec - NOW))).toBe(
      'stop at 5400; stop when every GPU is under 10 % for 45 min',
    )
    expect(rulesText({ deadline: null, idle: null }, String)).toBeNull()
  })
})
