// HTTP-level behaviour of the simulator, through msw/node as the app's tests see it
// (src/test/setup.ts starts the server and resets the simulator after each test).
import { describe, expect, it } from 'vitest'
import { submitApiKey } from '../api/api-key-store'
import { searchOffers } from '../api/offers/endpoints'
import { LIFECYCLE_MS } from './lifecycle'
import { advance, simulate } from './model'
import { BASE, call, jsonOf, records, quietWorld } from '../test/sim-http'

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
