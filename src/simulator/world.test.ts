import { afterEach, describe, expect, it, vi } from 'vitest'
import * as z from 'zod/mini'
import userSample from '../api/fixtures/user-current.json'
import { accountSchema } from '../api/account/schemas'
import {
  authenticate,
  checkRateLimit,
  createWorld,
  currentUser,
  getWorld,
  resetSimulator,
  simulate,
  TEST_KEY,
} from './model'
import { bodyOf, search } from '../test/sim-model'

afterEach(() => vi.useRealTimers())

describe('worlds', () => {
  it('keeps the default test world, and new worlds get random sim- keys', () => {
    expect(getWorld(TEST_KEY)).toBeDefined()
    const world = createWorld()
    expect(world.key).toMatch(/^sim-[0-9a-f]{32}$/)
    expect(getWorld(world.key)).toBe(world)
    resetSimulator()
    expect(getWorld(world.key)).toBeUndefined()
    expect(getWorld(TEST_KEY)).toBeDefined()
  })

  it('seeds the same market for the same seed and another for another seed', () => {
    const a = search(createWorld({ seed: 7 }))
    const b = search(createWorld({ seed: 7 }))
    const c = search(createWorld({ seed: 8 }))
    expect(a.length).toBeGreaterThanOrEqual(150)
    expect(a.map((o) => [o.id, o.dph_total])).toEqual(b.map((o) => [o.id, o.dph_total]))
    expect(c.map((o) => o.id)).not.toEqual(a.map((o) => o.id))
    expect(search(createWorld({ offers: 5000 }))).toHaveLength(5000)
  })

  it("gives every account its own instance ids, as Vast's ids are global", () => {
    const a = [...createWorld({ instances: 6 }).instances.keys()]
    const b = [...createWorld({ instances: 6 }).instances.keys()]
    expect(a).toHaveLength(6)
    expect(a.filter((id) => b.includes(id))).toEqual([])
  })
})

describe('account, auth and rate limits', () => {
  it('answers /users/current/ in the sample shape, echoing the key', () => {
    const world = createWorld({ credit: 12.5 })
    const user = bodyOf(currentUser(world))
    expect(Object.keys(user).sort()).toEqual(Object.keys(userSample).sort())
    expect(user).toMatchObject({
      credit: 12.5,
      api_key: world.key,
      email: `user-${world.seq}@example.com`,
    })
    expect(bodyOf(currentUser(getWorld(TEST_KEY) ?? world))).toMatchObject({
      email: 'user-1@example.com',
      credit: 25,
    })
    expect(z.parse(accountSchema, user)).not.toHaveProperty('api_key')
  })

  it('rejects missing (401), wrong (404) and revoked (404) keys with auth_error', () => {
    const body = { success: false, error: 'auth_error', msg: 'Invalid user key' }
    expect(authenticate(null, 'required')).toEqual({
      ok: false,
      response: { status: 401, kind: 'json', body },
    })
    expect(authenticate(null, 'optional')).toEqual({ ok: true, world: null })
    expect(authenticate('sim-nobody', 'required')).toEqual({
      ok: false,
      response: { status: 404, kind: 'json', body },
    })
    const world = createWorld()
    expect(authenticate(world.key, 'required')).toEqual({ ok: true, world })
    simulate(world, { auth: 'revoked' })
    expect(authenticate(world.key, 'required')).toEqual({
      ok: false,
      response: { status: 404, kind: 'json', body },
    })
  })

  it('keeps per-endpoint minimum intervals on the real-time clock, and a bundles window', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const world = createWorld()
    expect(checkRateLimit(world, 'instances-list')).toBeNull()
    expect(checkRateLimit(world, 'instances-list')).toEqual({
      status: 429,
      kind: 'text',
      body: 'API requests too frequent endpoint threshold=1.0',
    })
    expect(checkRateLimit(world, 'users-current')).toBeNull()
    vi.advanceTimersByTime(1_000)
    expect(checkRateLimit(world, 'instances-list')).toBeNull()

    expect(checkRateLimit(world, 'instance-delete')).toBeNull()
    expect(checkRateLimit(world, 'instance-delete')).toMatchObject({
      status: 429,
      kind: 'json',
      body: {
        success: false,
        error: 'rate_limit_exceeded',
        msg: 'API requests too frequent endpoint threshold=3.0',
      },
    })

    for (let i = 0; i < 10; i += 1) expect(checkRateLimit(world, 'bundles')).toBeNull()
    expect(checkRateLimit(world, 'bundles')?.status).toBe(429)
    vi.advanceTimersByTime(60_000)
    expect(checkRateLimit(world, 'bundles')).toBeNull()

    const other = createWorld()
    expect(checkRateLimit(other, 'instances-list')).toBeNull()
    simulate(other, { rateLimits: false })
    expect(checkRateLimit(other, 'instances-list')).toBeNull()
  })
})
