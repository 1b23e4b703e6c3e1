// Reads wait out a 429 and try again (bounded); writes never go out twice. The pacer's sleeps run
// on fake timers; the responses come from a test-only route so each shape is exact.
import { http, HttpResponse } from 'msw'
import * as z from 'zod/mini'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { server } from '../simulator/node'
import { apiRequest, MAX_RATE_LIMIT_RETRIES, type Method } from './client'
import { submitApiKey } from './api-key-store'
import { isThrottled, resetThrottle } from './throttle-store'

const PATH = '/api/v0/retry-test/'
const okSchema = z.object({ value: z.number() })
const tooFrequent = () =>
  new HttpResponse('API requests too frequent endpoint threshold=1.0', {
    status: 429,
    headers: { 'content-type': 'text/plain' },
  })

/** Answers the given responses in order (the last one repeats) and counts the calls. */
function serveSequence(...responses: (() => Response)[]) {
  let calls = 0
  server.use(
    http.all(`*${PATH}`, () => {
      const respond = responses[Math.min(calls, responses.length - 1)] ?? tooFrequent
      calls += 1
      return respond()
    }),
  )
  return () => calls
}

async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const outcome = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  )
  await vi.advanceTimersByTimeAsync(10 * 60_000)
  return outcome
}

const call = (method: Method, route: 'account' | 'asks' | 'bundles' = 'account') =>
  apiRequest({
    route,
    method,
    path: PATH,
    schema: okSchema,
    body: method === 'GET' ? undefined : {},
  })

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  submitApiKey('test-key-1234', false)
})
afterEach(() => {
  vi.useRealTimers()
  resetThrottle()
})

describe('apiRequest under rate limits', () => {
  it('retries a read after a plain-text 429, backing off, and reports the throttled state', async () => {
    const calls = serveSequence(tooFrequent, tooFrequent, () => HttpResponse.json({ value: 7 }))
    const pending = call('GET')
    await vi.advanceTimersByTimeAsync(0)
    await vi.waitFor(() => expect(calls()).toBe(1))
    expect(isThrottled()).toBe(true)
    const { value } = await settle(pending)
    expect(value).toEqual({ value: 7 })
    expect(calls()).toBe(3)
    expect(isThrottled()).toBe(false)
  })

  it('treats the offer search (a POST that changes nothing) as a read', async () => {
    const calls = serveSequence(tooFrequent, () => HttpResponse.json({ value: 1 }))
    const { value } = await settle(call('POST', 'bundles'))
    expect(value).toEqual({ value: 1 })
    expect(calls()).toBe(2)
  })

  it('gives up on a read after a bounded number of 429s', async () => {
    const calls = serveSequence(tooFrequent)
    const { error } = await settle(call('GET'))
    expect(error).toMatchObject({ kind: 'rate_limited' })
    expect(calls()).toBe(MAX_RATE_LIMIT_RETRIES + 1)
  })

  it.each(['PUT', 'POST', 'DELETE'] as const)('never sends a %s twice', async (method) => {
    const calls = serveSequence(tooFrequent, () => HttpResponse.json({ value: 1 }))
    const { error } = await settle(call(method, 'asks'))
    expect(error).toMatchObject({ kind: 'rate_limited' })
    expect(calls()).toBe(1)
  })

  it('never sends a write twice after a 502 or a dropped connection', async () => {
    const calls = serveSequence(
      () => new HttpResponse('<html>502</html>', { status: 502 }),
      () => HttpResponse.error(),
      () => HttpResponse.json({ value: 1 }),
    )
    expect((await settle(call('PUT', 'asks'))).error).toMatchObject({ kind: 'server' })
    expect((await settle(call('PUT', 'asks'))).error).toMatchObject({ kind: 'network' })
    expect(calls()).toBe(2)
  })
})

describe('apiRequest timeouts', () => {
  it('gives up on an answer that never comes (30 s for reads, 60 s for writes)', async () => {
    server.use(
      http.all(`*${PATH}`, async () => {
        await new Promise((resolve) => setTimeout(resolve, 10 * 60_000))
        return HttpResponse.json({ value: 1 })
      }),
    )
    const read = call('GET').then(
      () => null,
      (e: unknown) => e,
    )
    await vi.advanceTimersByTimeAsync(29_000)
    const write = call('PUT', 'asks').then(
      () => null,
      (e: unknown) => e,
    )
    await vi.advanceTimersByTimeAsync(2_000)
    expect(await read).toMatchObject({ kind: 'network', message: 'Vast did not answer in time.' })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(await write).toMatchObject({ kind: 'network', message: 'Vast did not answer in time.' })
  })

  it('gives the offer search (a read sent as POST) the read timeout, not the write one', async () => {
    server.use(
      http.all(`*${PATH}`, async () => {
        await new Promise((resolve) => setTimeout(resolve, 10 * 60_000))
        return HttpResponse.json({ value: 1 })
      }),
    )
    let settled: unknown = null
    void call('POST', 'bundles').then(
      () => (settled = 'answered'),
      (e: unknown) => (settled = e),
    )
    await vi.advanceTimersByTimeAsync(31_000)
    expect(settled).toMatchObject({ kind: 'network', message: 'Vast did not answer in time.' })
  })
})
