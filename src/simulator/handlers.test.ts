// HTTP-level behaviour of the simulator, through msw/node as the app's tests see it
// (src/test/setup.ts starts the server and resets the simulator after each test).
import { describe, expect, it } from 'vitest'
import { submitApiKey } from '../api/api-key-store'
import { destroyInstance, listInstances, stopInstance } from '../api/instances/endpoints'
import { getAccount } from '../api/account/endpoints'
import { rentOffer, searchOffers } from '../api/offers/endpoints'
import { ApiError } from '../api/errors'
import { LIFECYCLE_MS } from './lifecycle'
import { advance, createWorld, getWorld, requestLog, simulate, TEST_KEY, type World } from './model'
import { isRecord } from './responses'

const BASE = 'http://localhost'
type Obj = Record<string, unknown>

function call(
  path: string,
  init: Omit<RequestInit, 'body'> & { key?: string | null; body?: unknown } = {},
) {
  const { key = TEST_KEY, body, ...rest } = init
  const headers = new Headers(rest.headers)
  if (key !== null) headers.set('authorization', `Bearer ${key}`)
  if (body !== undefined && !headers.has('content-type'))
    headers.set('content-type', 'application/json')
  return fetch(`${BASE}${path}`, {
    ...rest,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

async function jsonOf(res: Response): Promise<Obj> {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  const body: unknown = await res.json()
  if (!isRecord(body)) throw new Error('expected a JSON object')
  return body
}

const records = (value: unknown): Obj[] => (Array.isArray(value) ? value.filter(isRecord) : [])

function quietWorld(options: Parameters<typeof createWorld>[0] = {}): World {
  return createWorld({ rateLimits: false, ...options })
}

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

describe('offer search', () => {
  it('filters, orders and limits a POSTed query', async () => {
    const res = await call('/api/v0/bundles/', {
      method: 'POST',
      body: {
        gpu_name: { eq: 'RTX 4090' },
        verified: { eq: true },
        order: [['dph_total', 'asc']],
        limit: 5,
        type: 'on-demand',
      },
    })
    const offers = records((await jsonOf(res)).offers)
    expect(offers.length).toBeGreaterThan(0)
    expect(offers.length).toBeLessThanOrEqual(5)
    expect(offers.every((o) => o.gpu_name === 'RTX 4090' && o.verification === 'verified')).toBe(
      true,
    )
  })

  it('accepts the legacy GET ?q= form and anonymous searches', async () => {
    const q = encodeURIComponent(JSON.stringify({ num_gpus: { eq: 8 }, limit: 3 }))
    const offers = records(
      (await jsonOf(await call(`/api/v0/bundles/?q=${q}`, { key: null }))).offers,
    )
    expect(offers.length).toBeGreaterThan(0)
    expect(offers.every((o) => o.num_gpus === 8)).toBe(true)
  })

  it('answers 400 for a body without Content-Type: application/json', async () => {
    const res = await call('/api/v0/bundles/', {
      method: 'POST',
      body: { limit: 1 },
      headers: { 'content-type': 'text/plain' },
    })
    expect(res.status).toBe(400)
    expect(await jsonOf(res)).toEqual({
      success: false,
      error: 'invalid_args',
      msg: 'error 400/1782: Invalid args: invalid json: {}',
    })
  })

  it('answers a non-integer limit like pydantic', async () => {
    const res = await call('/api/v0/bundles/', { method: 'POST', body: { limit: 'ten' } })
    expect(res.status).toBe(400)
    expect(await jsonOf(res)).toEqual({ msg: 'limit: Input should be a valid integer' })
  })

  it('has switches for an HTML 502, malformed rows and rate limiting', async () => {
    const world = quietWorld()
    simulate(world, { bundles: 'html_502' })
    const bad = await call('/api/v0/bundles/', { method: 'POST', body: {}, key: world.key })
    expect(bad.status).toBe(502)
    expect(bad.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await bad.text()).toContain('<title>502 Bad Gateway</title>')

    simulate(world, { bundles: 'malformed_rows' })
    submitApiKey(world.key, false)
    const result = await searchOffers({
      filters: {},
      order: [['score', 'desc']],
      type: 'on-demand',
      limit: 20,
      allocatedStorage: 10,
    })
    expect(result.dropped).toBe(3)
    expect(result.offers).toHaveLength(17)

    simulate(world, { bundles: 'rate_limited' })
    const limited = await call('/api/v0/bundles/', { method: 'POST', body: {}, key: world.key })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('content-type')).toMatch(/^text\/plain/)
  })
})

describe('renting and instances', () => {
  it('rents over PUT /asks/{id}/ once; a second rent is no_such_ask', async () => {
    const world = quietWorld()
    const [offer] = records(
      (
        await jsonOf(
          await call('/api/v0/bundles/', { method: 'POST', body: { limit: 1 }, key: world.key }),
        )
      ).offers,
    )
    const body = {
      client_id: 'me',
      image: 'vastai/base-image:@vastai-automatic-tag',
      disk: 10,
      runtype: 'ssh_direc ssh_proxy',
      env: {},
    }
    const first = await call(`/api/v0/asks/${String(offer?.id)}/`, {
      method: 'PUT',
      body,
      key: world.key,
    })
    expect(first.status).toBe(200)
    const created = await jsonOf(first)
    expect(created.success).toBe(true)
    expect(typeof created.new_contract).toBe('number')
    expect(created.instance_api_key).toMatch(/^[0-9a-f]{64}$/)

    const second = await call(`/api/v0/asks/${String(offer?.id)}/`, {
      method: 'PUT',
      body,
      key: world.key,
    })
    expect(second.status).toBe(404)
    expect(await jsonOf(second)).toEqual({
      success: false,
      error: 'invalid_args',
      msg: `error 404/3603: no_such_ask Instance type by id ${String(offer?.id)} is not available.`,
    })

    const bad = await call(`/api/v0/asks/${String(offer?.id)}/`, {
      method: 'PUT',
      body: { disk: 10 },
      key: world.key,
    })
    expect(bad.status).toBe(400)

    const shown = await jsonOf(
      await call(`/api/v0/instances/${String(created.new_contract)}/`, { key: world.key }),
    )
    expect(shown.instances).toMatchObject({
      id: created.new_contract,
      actual_status: null,
      intended_status: 'running',
    })
    expect(await jsonOf(await call('/api/v0/instances/1/', { key: world.key }))).toEqual({
      instances: null,
    })
  })

  it('pages the v1 list by 25 with next_token', async () => {
    const world = quietWorld({ instances: 60 })
    const sizes: number[] = []
    let path = '/api/v1/instances/?limit=25'
    for (;;) {
      const page = await jsonOf(await call(path, { key: world.key }))
      expect(Object.keys(page).sort()).toEqual([
        'instances',
        'instances_found',
        'label_counts',
        'next_token',
        'success',
        'total_instances',
      ])
      sizes.push(records(page.instances).length)
      if (typeof page.next_token !== 'string') break
      path = `/api/v1/instances/?limit=25&after_token=${encodeURIComponent(page.next_token)}`
    }
    expect(sizes).toEqual([25, 25, 10])
    const invalid = await call('/api/v1/instances/?after_token=bogus', { key: world.key })
    expect(invalid.status).toBe(400)
    expect(await jsonOf(invalid)).toMatchObject({ success: false, error: 'invalid_token' })
  })

  it('answers the v0 list with 410 deprecated_endpoint', async () => {
    const res = await call('/api/v0/instances/')
    expect(res.status).toBe(410)
    expect(await jsonOf(res)).toEqual({
      success: false,
      error: 'deprecated_endpoint',
      msg: '/api/v0/instances/ is deprecated. Use /api/v1/instances/ instead.',
    })
  })

  it('stops, destroys once (then 404 not_found) and has no v1 DELETE', async () => {
    const world = quietWorld({ instances: 1 })
    const [inst] = records(
      (await jsonOf(await call('/api/v1/instances/', { key: world.key }))).instances,
    )
    const path = `/api/v0/instances/${String(inst?.id)}/`

    const stop = await call(path, { method: 'PUT', body: { state: 'stopped' }, key: world.key })
    expect(await jsonOf(stop)).toEqual({ success: true })
    advance(world, LIFECYCLE_MS.stopping)
    expect((await jsonOf(await call(path, { key: world.key }))).instances).toMatchObject({
      actual_status: 'exited',
      intended_status: 'stopped',
    })

    const v1 = await call(`/api/v1/instances/${String(inst?.id)}/`, {
      method: 'DELETE',
      body: {},
      key: world.key,
    })
    expect(v1.status).toBe(404)
    expect(v1.headers.get('content-type')).toMatch(/^text\/html/)

    expect((await call(path, { method: 'DELETE', body: {}, key: world.key })).status).toBe(200)
    const again = await call(path, { method: 'DELETE', body: {}, key: world.key })
    expect(again.status).toBe(404)
    expect(await jsonOf(again)).toMatchObject({ success: false, error: 'not_found' })
  })

  it('answers a PUT without a JSON content type with 400', async () => {
    const world = quietWorld({ instances: 1 })
    const [inst] = records(
      (await jsonOf(await call('/api/v1/instances/', { key: world.key }))).instances,
    )
    const res = await fetch(`${BASE}/api/v0/instances/${String(inst?.id)}/`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${world.key}` },
      body: 'state=stopped',
    })
    expect(res.status).toBe(400)
    expect(await jsonOf(res)).toMatchObject({ error: 'invalid_args' })
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

describe("the app's API layer against the simulator", () => {
  it('reads the account, searches, rents, lists, stops and destroys', async () => {
    const world = quietWorld({ credit: 40 })
    submitApiKey(world.key, false)
    expect(await getAccount()).toMatchObject({ credit: 40, email: `user-${world.seq}@example.com` })
    expect(await getAccount()).not.toHaveProperty('api_key')

    const { offers, dropped } = await searchOffers({
      filters: { gpu_name: { in: ['RTX 4090', 'RTX 3090'] }, direct_port_count: { gte: 1 } },
      order: [['dph_total', 'asc']],
      type: 'on-demand',
      limit: 10,
      allocatedStorage: 20,
    })
    expect(dropped).toBe(0)
    const offer = offers[0]
    if (!offer) throw new Error('no offer')
    const { instanceId } = await rentOffer(offer.id, {
      image: 'vastai/base-image:@vastai-automatic-tag',
      disk: 20,
      runtype: 'ssh',
      label: 'app test',
    })

    advance(world, 60_000)
    const list = await listInstances()
    expect(list.instances.map((i) => [i.id, i.actual_status, i.label])).toEqual([
      [instanceId, 'running', 'app test'],
    ])
    expect(list.instances[0]?.ports?.['22/tcp']?.[0]?.HostPort).toEqual(expect.any(Number))

    await stopInstance(instanceId)
    await destroyInstance(instanceId)
    expect((await listInstances()).instances).toEqual([])
  })

  it('maps a taken offer to offer_gone', async () => {
    const world = quietWorld()
    submitApiKey(world.key, false)
    simulate(world, { rent: 'offer_gone' })
    const [offer] = records(
      (
        await jsonOf(
          await call('/api/v0/bundles/', { method: 'POST', body: { limit: 1 }, key: world.key }),
        )
      ).offers,
    )
    await expect(
      rentOffer(Number(offer?.id), { image: 'x', disk: 20, runtype: 'ssh' }),
    ).rejects.toMatchObject({ kind: 'offer_gone' })
  })

  it('surfaces a wrong key as an auth error', async () => {
    submitApiKey('sim-wrong-key', false)
    const error: unknown = await getAccount().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ kind: 'auth' })
  })
})
