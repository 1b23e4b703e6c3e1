import { describe, expect, it } from 'vitest'
import { createPacer, ROUTE_LIMITS } from './pacer'

function fakeTime() {
  let now = 0
  const waits: number[] = []
  return {
    now: () => now,
    sleep: (ms: number) => {
      waits.push(ms)
      now += ms
      return Promise.resolve()
    },
    waits,
  }
}

describe('pacer', () => {
  it('spaces calls to one endpoint by its minimum interval', async () => {
    const t = fakeTime()
    const pacer = createPacer(ROUTE_LIMITS, t.now, t.sleep)
    await pacer.acquire('instances-list')
    await pacer.acquire('instances-list')
    await pacer.acquire('instances-list')
    expect(t.waits).toEqual([1100, 1100])
  })

  it('does not make different endpoints wait for each other', async () => {
    const t = fakeTime()
    const pacer = createPacer(ROUTE_LIMITS, t.now, t.sleep)
    await pacer.acquire('instances-list')
    await pacer.acquire('account')
    expect(t.waits).toEqual([])
  })

  it('keeps offer searches within 10 a minute', async () => {
    const t = fakeTime()
    const pacer = createPacer(ROUTE_LIMITS, t.now, t.sleep)
    const starts: number[] = []
    for (let i = 0; i < 12; i += 1) {
      await pacer.acquire('bundles')
      starts.push(t.now())
    }
    for (let i = 10; i < starts.length; i += 1) {
      expect((starts[i] ?? 0) - (starts[i - 10] ?? 0)).toBeGreaterThan(60_000)
    }
  })

  it('backs off after a 429', async () => {
    const t = fakeTime()
    const pacer = createPacer(ROUTE_LIMITS, t.now, t.sleep)
    await pacer.acquire('asks')
    pacer.penalize('asks')
    await pacer.acquire('asks')
    expect(t.waits[0]).toBeGreaterThanOrEqual(9000)
  })
})
