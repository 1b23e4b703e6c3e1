import { describe, expect, it } from 'vitest'
import {
  addModels,
  addModelSample,
  addSighting,
  bootDeadlineSeconds,
  bootSeconds,
  cheapestHours,
  MAX_SIGHTINGS_PER_MACHINE,
  mergeMachines,
  seenFacts,
} from './machine-memory'

const seen = (price: number, reliability: number | null = 0.99) => ({
  machineId: 7,
  model: 'RTX 4090',
  price,
  reliability,
  gpus: 1,
})

describe('machine memory', () => {
  it('keeps the latest sightings, oldest dropped', () => {
    let memory = addSighting(undefined, seen(1), 0)
    for (let i = 1; i <= MAX_SIGHTINGS_PER_MACHINE + 5; i += 1)
      memory = addSighting(memory, seen(1 + i), i)
    expect(memory.sightings).toHaveLength(MAX_SIGHTINGS_PER_MACHINE)
    expect(memory.sightings[0]?.at).toBe(6)
    expect(memory.lastSeen).toBe(MAX_SIGHTINGS_PER_MACHINE + 5)
  })

  it('says the usual price and the reliability trend once seen twice', () => {
    const once = addSighting(undefined, seen(0.5, 0.99), 1)
    expect(seenFacts(once, [])).toBeNull()
    const twice = addSighting(addSighting(once, seen(0.7, 0.97), 2), seen(0.6, 0.95), 3)
    expect(seenFacts(twice, [])).toEqual({
      usualPrice: 0.6,
      sightings: 3,
      reliabilityTrend: 'down',
      lastBootSeconds: null,
    })
    const steady = addSighting(once, seen(0.5, 0.992), 2)
    expect(seenFacts(steady, [])?.reliabilityTrend).toBe('steady')
  })

  it('tells the latest boot even for a machine seen once', () => {
    const boots = [
      { instanceId: 1, machineId: 7, model: 'RTX 4090', at: 10, seconds: 90 },
      { instanceId: 2, machineId: 7, model: 'RTX 4090', at: 20, seconds: 240 },
    ]
    expect(seenFacts(undefined, boots)?.lastBootSeconds).toBe(240)
  })

  it('adds what was recorded since to the stored sightings, a time on both sides once', () => {
    const stored = addSighting(addSighting(undefined, seen(0.5), 1), seen(0.6), 2)
    const recorded = addSighting(undefined, seen(0.7), 3)
    const merged = mergeMachines(stored, recorded)
    expect(merged.sightings.map((s) => s.price)).toEqual([0.5, 0.6, 0.7])
    expect(merged.lastSeen).toBe(3)
    expect(mergeMachines(merged, stored).sightings).toHaveLength(3)
    expect(mergeMachines(undefined, recorded)).toEqual(recorded)
  })
})

describe('model memory', () => {
  it('buckets by local hour and weekday and finds the cheapest hours', () => {
    const at = (hour: number) => new Date(2026, 10, 2, hour, 30).getTime()
    let memory = addModelSample(undefined, 'A100', 'on-demand', 1.2, at(9))
    memory = addModelSample(memory, 'A100', 'on-demand', 0.8, at(3))
    memory = addModelSample(memory, 'A100', 'on-demand', 1.0, at(3))
    memory = addModelSample(memory, 'A100', 'on-demand', 1.1, at(22))
    expect(memory.key).toBe('on-demand|A100')
    expect(memory.byHour[3]).toEqual({ n: 2, sum: 1.8, min: 0.8 })
    expect(memory.byWeekday[new Date(at(3)).getDay()]?.n).toBe(4)
    expect(cheapestHours(memory, 2)).toEqual([3, 22])
  })

  it('adds samples recorded apart (stored, and recorded before the stored ones were read)', () => {
    const at = new Date(2026, 10, 2, 3, 30).getTime()
    const stored = addModelSample(undefined, 'A100', 'on-demand', 0.8, at)
    const recorded = addModelSample(undefined, 'A100', 'on-demand', 0.6, at)
    const both = addModels(stored, recorded)
    expect(both.byHour[3]).toEqual({ n: 2, sum: 1.4, min: 0.6 })
    expect(both.byHour[4]).toEqual({ n: 0, sum: 0, min: null })
    expect(addModels(undefined, recorded)).toBe(recorded)
  })
})

describe('boot statistics', () => {
  const start = 1_000_000
  it('measures rent → running only for a boot this browser watched', () => {
    const history = [
      { status: 'loading', at: start * 1000 + 20_000 },
      { status: 'running', at: start * 1000 + 150_000 },
    ]
    expect(bootSeconds(history, start)).toBe(150)
    expect(bootSeconds([{ status: 'running', at: start * 1000 + 5_000 }], start)).toBeNull()
    expect(bootSeconds(history.slice(0, 1), start)).toBeNull()
    expect(bootSeconds(history, null)).toBeNull()
  })

  it('sets the deadline from this machine, else this model, else 15 minutes', () => {
    expect(bootDeadlineSeconds([100, 200, 300, 400, 1000], [50])).toBe(760)
    expect(bootDeadlineSeconds([], [300, 600])).toBe(570)
    expect(bootDeadlineSeconds([], [])).toBe(900)
    expect(bootDeadlineSeconds([20], [])).toBe(180)
  })
})
