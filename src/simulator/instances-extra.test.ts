// Issue 4's simulator routes over HTTP (msw/node): reboot, request_logs and its result_url, and
// the container key limited to its own instance.
import { describe, expect, it } from 'vitest'
import { LIFECYCLE_MS } from './lifecycle'
import { advance, createWorld, getWorld, TEST_KEY } from './model'
import { isRecord } from './responses'

const BASE = 'http://localhost'

function call(path: string, init: { method?: string; key?: string; body?: unknown } = {}) {
  const headers = new Headers()
  if (init.key) headers.set('authorization', `Bearer ${init.key}`)
  if (init.body !== undefined) headers.set('content-type', 'application/json')
  return fetch(`${BASE}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
}

async function obj(res: Response): Promise<Record<string, unknown>> {
  const body: unknown = await res.json()
  if (!isRecord(body)) throw new Error('expected an object')
  return body
}

async function statusOf(key: string, id: number): Promise<unknown> {
  const body = await obj(await call(`/api/v0/instances/${id}/`, { key }))
  return isRecord(body.instances) ? body.instances.actual_status : undefined
}

function box() {
  const world = createWorld({ instances: 1, rateLimits: false })
  const [inst] = [...world.instances.values()]
  if (!inst) throw new Error('no instance')
  return { world, inst }
}

describe('reboot', () => {
  it('reads rebooting, then running again', async () => {
    const { world, inst } = box()
    const res = await call(`/api/v0/instances/reboot/${inst.id}/`, {
      method: 'PUT',
      key: world.key,
      body: {},
    })
    expect(await obj(res)).toEqual({ success: true })
    expect(await statusOf(world.key, inst.id)).toBe('rebooting')
    advance(world, LIFECYCLE_MS.rebooting)
    expect(await statusOf(world.key, inst.id)).toBe('running')
  })
  it('refuses a box that is not running, and an unknown id', async () => {
    const world = createWorld({ instances: 4, rateLimits: false })
    const stopped = [...world.instances.values()].find((i) => i.label === 'notebook-old')
    const res = await call(`/api/v0/instances/reboot/${stopped?.id ?? 0}/`, {
      method: 'PUT',
      key: world.key,
      body: {},
    })
    expect(res.status).toBe(400)
    const missing = await call('/api/v0/instances/reboot/1/', {
      method: 'PUT',
      key: world.key,
      body: {},
    })
    expect(missing.status).toBe(404)
  })
})

describe('request_logs', () => {
  it('answers a result_url that is 404 NoSuchKey first, then the last `tail` lines', async () => {
    const { world, inst } = box()
    const res = await call(`/api/v0/instances/request_logs/${inst.id}/`, {
      method: 'PUT',
      key: world.key,
      body: { tail: '5' },
    })
    const body = await obj(res)
    expect(body.success).toBe(true)
    const url = String(body.result_url)
    expect(url).toMatch(/^http:\/\/localhost\/vast\.ai\/instance_logs\/[0-9a-f]{32}\.log$/)
    const first = await fetch(url)
    expect(first.status).toBe(404)
    expect(await first.text()).toContain('NoSuchKey')
    const second = await fetch(url)
    expect(second.status).toBe(200)
    expect((await second.text()).trimEnd().split('\n')).toHaveLength(5)
  })
})

describe('container key (CONTAINER_API_KEY)', () => {
  it('may read, stop and destroy its own instance only', async () => {
    const world = createWorld({ instances: 2, rateLimits: false })
    const [a, b] = [...world.instances.values()]
    if (!a || !b) throw new Error('no instances')
    expect((await call(`/api/v0/instances/${a.id}/`, { key: a.apiKey })).status).toBe(200)
    expect((await call(`/api/v0/instances/${b.id}/`, { key: a.apiKey })).status).toBe(403)
    expect((await call('/api/v1/instances/', { key: a.apiKey })).status).toBe(403)
    expect((await call('/api/v0/users/current/', { key: a.apiKey })).status).toBe(403)
    const stop = await call(`/api/v0/instances/${a.id}/`, {
      method: 'PUT',
      key: a.apiKey,
      body: { state: 'stopped' },
    })
    expect(stop.status).toBe(200)
    const destroy = await call(`/api/v0/instances/${a.id}/`, { method: 'DELETE', key: a.apiKey })
    expect(destroy.status).toBe(200)
    expect(getWorld(world.key)?.instances.has(a.id)).toBe(false)
    expect(getWorld(TEST_KEY)).toBeDefined()
  })
})
