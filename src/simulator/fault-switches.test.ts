// The fault switches, at the HTTP level (msw/node, as the app's tests see them).
import { describe, expect, it } from 'vitest'
import { createWorld, getWorld, simulate, switchesSchema, type World } from './model'
import { isRecord } from './responses'
import * as z from 'zod/mini'

const BASE = 'http://localhost'

function call(world: World, path: string, init: { method?: string; body?: unknown } = {}) {
  const headers = new Headers({ authorization: `Bearer ${world.key}` })
  if (init.body !== undefined) headers.set('content-type', 'application/json')
  return fetch(`${BASE}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
}

async function rows(res: Response): Promise<Record<string, unknown>[]> {
  const body: unknown = await res.json()
  if (!isRecord(body) || !Array.isArray(body.instances)) throw new Error('no instance list')
  return body.instances.filter(isRecord)
}

async function firstOfferId(world: World): Promise<number> {
  const res = await call(world, '/api/v0/bundles/', { method: 'POST', body: { limit: 1 } })
  const body: unknown = await res.json()
  const offer: unknown = isRecord(body) && Array.isArray(body.offers) ? body.offers[0] : null
  if (!isRecord(offer) || typeof offer.id !== 'number') throw new Error('no offer')
  return offer.id
}

describe('fault switches', () => {
  it('burst429: the next N calls answer a plain-text 429, then calls go through again', async () => {
    const world = createWorld({ rateLimits: false })
    simulate(world, { burst429: 2 })
    const first = await call(world, '/api/v0/users/current/')
    expect(first.status).toBe(429)
    expect(first.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(first.headers.get('retry-after')).toBeNull()
    expect(await first.text()).toMatch(/too frequent/)
    expect((await call(world, '/api/v1/instances/')).status).toBe(429)
    expect((await call(world, '/api/v0/users/current/')).status).toBe(200)
  })

  it('down: every call with the key fails at the network level', async () => {
    const world = createWorld({ rateLimits: false })
    simulate(world, { down: true })
    await expect(call(world, '/api/v0/users/current/')).rejects.toThrow()
    simulate(world, { down: false })
    expect((await call(world, '/api/v0/users/current/')).status).toBe(200)
  })

  it('rent dropped: the instance is created but the answer never arrives', async () => {
    const world = createWorld({ rateLimits: false })
    const offerId = await firstOfferId(world)
    simulate(world, { rent: 'dropped' })
    await expect(
      call(world, `/api/v0/asks/${offerId}/`, {
        method: 'PUT',
        body: { client_id: 'me', image: 'vastai/base-image:@vastai-automatic-tag', disk: 10 },
      }),
    ).rejects.toThrow()
    expect(getWorld(world.key)?.instances.size).toBe(1)
    expect(await rows(await call(world, '/api/v1/instances/'))).toHaveLength(1)
  })

  it('instances malformed_rows: one row has an unknown status, one has no id', async () => {
    const world = createWorld({ rateLimits: false, instances: 4 })
    simulate(world, { instances: 'malformed_rows' })
    const list = await rows(await call(world, '/api/v1/instances/'))
    expect(list).toHaveLength(4)
    expect(list[0]?.actual_status).toBe('hibernating')
    expect(list[1]).not.toHaveProperty('id')
    expect(typeof list[2]?.id).toBe('number')
  })

  it('accepts the new switches over HTTP and refuses bad values', () => {
    const good = z.safeParse(switchesSchema, {
      rent: 'dropped',
      instances: 'malformed_rows',
      burst429: 5,
      down: true,
    })
    expect(good.success).toBe(true)
    expect(z.safeParse(switchesSchema, { burst429: -1 }).success).toBe(false)
  })
})

describe('429 count', () => {
  it('counts every 429 answered to a key', async () => {
    const world = createWorld()
    simulate(world, { burst429: 1 })
    expect((await call(world, '/api/v0/users/current/')).status).toBe(429)
    expect((await call(world, '/api/v0/users/current/')).status).toBe(200)
    expect((await call(world, '/api/v0/users/current/')).status).toBe(429) // too soon
    expect(world.rateLimited).toBe(2)
  })
})

describe('rent timeout', () => {
  it('rents, then holds the answer past any caller timeout', async () => {
    const world = createWorld({ rateLimits: false })
    const offerId = await firstOfferId(world)
    simulate(world, { rent: 'timeout' })
    await expect(
      fetch(`${BASE}/api/v0/asks/${offerId}/`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${world.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ client_id: 'me', image: 'ubuntu', disk: 10 }),
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow()
    expect(world.instances.size).toBe(1)
  })
})
