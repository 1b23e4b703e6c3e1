import { describe, expect, it } from 'vitest'
import { readSpendGuards, reloadSpendGuards, saveSpendGuards } from './spend-guards-store'

describe('spend guards store', () => {
  it('survives a reload', () => {
    saveSpendGuards({ maxPerHour: 0.5, maxInstances: 4 })
    reloadSpendGuards()
    expect(readSpendGuards()).toEqual({ maxPerHour: 0.5, maxInstances: 4 })
    localStorage.setItem('vast-console.spend-guards.v1', '{"maxPerHour":-1,"maxInstances":0}')
    reloadSpendGuards()
    expect(readSpendGuards()).toEqual({ maxPerHour: null, maxInstances: null })
  })
})
