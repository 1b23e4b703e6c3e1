import { afterEach, describe, expect, it } from 'vitest'
import { createPacer, MAX_BACKOFF_MS, ROUTE_LIMITS } from './pacer'
import { isThrottled, resetThrottle } from './throttle-store'

afterEach(resetThrottle)

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

  it('spaces the next call from when the previous answer arrived (a slow transit cannot squeeze two arrivals)', async () => {
    const t = fakeTime()
    const pacer = createPacer(ROUTE_LIMITS, t.now, t.sleep)
    await pacer.acquire('templates')
    await t.sleep(700) // the request and its answer took 0.7 s
    pacer.answered('templates')
    const before = t.now()
    await pacer.acquire('templates')
    expect(t.now() - before).toBe(3000)
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

  it('doubles the backoff with each 429 in a row, adds jitter, caps it, and starts over after a success', () => {
    const t = fakeTime()
    const pacer = createPacer(ROUTE_LIMITS, t.now, t.sleep, () => 0)
    const delays = Array.from({ length: 8 }, () => pacer.penalize('instances-list'))
    expect(delays.slice(0, 4)).toEqual([2000, 4000, 8000, 16000])
    expect(Math.max(...delays)).toBe(MAX_BACKOFF_MS)
    pacer.succeeded('instances-list')
    expect(pacer.penalize('instances-list')).toBe(2000)

    const jittered = createPacer(ROUTE_LIMITS, t.now, t.sleep, () => 0.999)
    expect(jittered.penalize('instances-list')).toBe(2999)
  })

  it('reports a 429 and a long wait as throttled, ordinary pacing not', async () => {
    const t = fakeTime()
    const pacer = createPacer(ROUTE_LIMITS, t.now, t.sleep)
    await pacer.acquire('asks')
    await pacer.acquire('instances-list')
    await pacer.acquire('instances-list')
    expect(isThrottled()).toBe(false)
    await pacer.acquire('asks')
    expect(isThrottled()).toBe(true)
    resetThrottle()
    pacer.penalize('account')
    expect(isThrottled()).toBe(true)
  })
})

describe('pacer with late timers', () => {
  it('spaces calls from when they really started, not from their booked slot', async () => {
    let now = 0
    const late = 400
    const pacer = createPacer(
      ROUTE_LIMITS,
      () => now,
      (ms) => {
        now += ms + late
        return Promise.resolve()
      },
    )
    await pacer.acquire('instances-list')
    const starts = [now]
    await pacer.acquire('instances-list')
    starts.push(now)
    // The first call was not late; make the clock jump as a busy main thread would.
    now += 900
    await pacer.acquire('instances-list')
    starts.push(now)
    for (let i = 1; i < starts.length; i += 1) {
      expect((starts[i] ?? 0) - (starts[i - 1] ?? 0)).toBeGreaterThanOrEqual(1100)
    }
  })
})
