// HTTP-level behaviour of the simulator, through msw/node as the app's tests see it
// (src/test/setup.ts starts the server and resets the simulator after each test).
import { describe, expect, it } from 'vitest'
import { createWorld, getWorld, requestLog, simulate, TEST_KEY } from './model'
import { call, jsonOf, records, quietWorld } from '../test/sim-http'

describe('auth', () => {
  it('answers the test key', async () => {
    const res = await call('/api/v0/users/current/')
    expect(res.status).toBe(200)
    expect(await jsonOf(res)).toMatchObject({
      email: 'user-1@example.com',
      credit: 25,
      api_key: TEST_KEY,
    })
  })

  it('answers a wrong key with 404 auth_error and no key with 401', async () => {
    const wrong = await call('/api/v0/users/current/', { key: 'sim-not-registered' })
    expect(wrong.status).toBe(404)
    expect(await jsonOf(wrong)).toEqual({
      success: false,
      error: 'auth_error',
      msg: 'Invalid user key',
    })
    const none = await call('/api/v1/instances/', { key: null })
    expect(none.status).toBe(401)
    expect(await jsonOf(none)).toEqual({
      success: false,
      error: 'auth_error',
      msg: 'Invalid user key',
    })
  })

  it('rejects every call once the key is revoked', async () => {
    const world = quietWorld()
    expect((await call('/api/v1/instances/', { key: world.key })).status).toBe(200)
    simulate(world, { auth: 'revoked' })
    for (const path of ['/api/v1/instances/', '/api/v0/users/current/']) {
      const res = await call(path, { key: world.key })
      expect(res.status).toBe(404)
      expect(await jsonOf(res)).toMatchObject({ error: 'auth_error' })
    }
  })

  it('serves GPU names without a key', async () => {
    const res = await call('/api/v0/gpu_names/unique/', { key: null })
    const names = (await jsonOf(res)).gpu_names
    expect(names).toEqual(
      expect.arrayContaining([
        'RTX 4090',
        'H100 SXM',
        'A100 SXM4',
        'RTX 6000Ada',
        'InstinctMI250X',
      ]),
    )
  })
})

describe('rate limits', () => {
  it('answers a too-fast second call with a plain-text 429 and no Retry-After', async () => {
    expect((await call('/api/v0/users/current/')).status).toBe(200)
    const res = await call('/api/v0/users/current/')
    expect(res.status).toBe(429)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(res.headers.get('retry-after')).toBeNull()
    expect(await res.text()).toBe('API requests too frequent endpoint threshold=1.0')
  })

  it('answers a too-fast DELETE in JSON', async () => {
    const world = createWorld({ instances: 2 })
    const ids = records(
      (await jsonOf(await call('/api/v1/instances/', { key: world.key }))).instances,
    ).map((r) => r.id)
    expect(
      (await call(`/api/v0/instances/${String(ids[0])}/`, { method: 'DELETE', key: world.key }))
        .status,
    ).toBe(200)
    const res = await call(`/api/v0/instances/${String(ids[1])}/`, {
      method: 'DELETE',
      key: world.key,
    })
    expect(res.status).toBe(429)
    expect(await jsonOf(res)).toEqual({
      success: false,
      error: 'rate_limit_exceeded',
      msg: 'API requests too frequent endpoint threshold=3.0',
    })
  })
})

describe('routing', () => {
  it('redirects a path without its trailing slash with an HTML 301', async () => {
    const res = await call('/api/v0/users/current', { redirect: 'manual' })
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe('/api/v0/users/current/')
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
  })

  it('answers anything else under /api/ with 501 not_simulated', async () => {
    const res = await call('/api/v0/volumes/')
    expect(res.status).toBe(501)
    expect(await jsonOf(res)).toMatchObject({ success: false, error: 'not_simulated' })
  })

  it('logs requests per world without the Authorization header', async () => {
    const world = quietWorld()
    await call('/api/v0/bundles/', { method: 'POST', body: { limit: 1 }, key: world.key })
    await call(`/api/v1/instances/?limit=5&api_key=${world.key}`, { key: null })
    const log = requestLog(world)
    expect(log.map((r) => [r.method, r.path])).toEqual([
      ['POST', '/api/v0/bundles/'],
      ['GET', '/api/v1/instances/'],
    ])
    expect(log[0]?.body).toEqual({ limit: 1 })
    expect(log[1]?.query).toEqual({ limit: '5', api_key: '<redacted>' })
    expect(JSON.stringify(log)).not.toContain(world.key)
    expect(requestLog(getWorld(TEST_KEY) ?? world)).toEqual([])
  })

  it('adds the latency switch to every answer', async () => {
    const world = quietWorld()
    simulate(world, { latencyMs: 120 })
    const started = Date.now()
    await call('/api/v1/instances/', { key: world.key })
    expect(Date.now() - started).toBeGreaterThanOrEqual(100)
  })
})
