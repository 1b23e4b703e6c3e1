// The simulator's charges and invoices routes over HTTP (msw/node), raw and through the app's
// own endpoint functions.
import { beforeEach, describe, expect, it } from 'vitest'
import { submitApiKey } from '../api/api-key-store'
import { fetchCharges } from '../api/charges/endpoints'
import { ApiError } from '../api/errors'
import { fetchPayments } from '../api/invoices/endpoints'
import { destroyInstance } from '../api/instances/endpoints'
import { dayFilter, dayOf, type DayRange } from '../domain/spending/range'
import { seedChargeHistory } from './charge-history'
import { createWorld, worldNow, type World } from './model'
import { isRecord } from './responses'

let world: World

beforeEach(() => {
  world = createWorld({ instances: 6, rateLimits: false })
  submitApiKey(world.key, false)
})

async function raw(path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`http://localhost${path}`, {
    headers: { authorization: `Bearer ${world.key}` },
  })
  return { status: res.status, body: await res.json() }
}

const filters = (value: unknown) => encodeURIComponent(JSON.stringify(value))

function monthRange(): DayRange {
  const now = worldNow(world) / 1000
  return { from: dayOf(now - 34 * 86_400), to: dayOf(now) }
}

describe('GET /api/v0/charges/', () => {
  it('answers 400 in Vast’s shape without the day range', async () => {
    const res = await raw('/api/v0/charges/')
    expect(res.status).toBe(400)
    expect(res.body).toEqual({
      success: false,
      msg: "Must provide both 'day' gte and lte filters for instance charges",
    })
    const half = await raw(`/api/v0/charges/?select_filters=${filters({ day: { gte: 0 } })}`)
    expect(half.status).toBe(400)
  })

  it('pages at 500 with next_token and refuses a foreign token', async () => {
    seedChargeHistory(world, 1_200)
    const now = Math.floor(worldNow(world) / 1000)
    const f = filters({ day: { gte: now - 40 * 86_400, lte: now } })
    const first = await raw(`/api/v0/charges/?select_filters=${f}&limit=900`)
    expect(first.status).toBe(200)
    if (!isRecord(first.body)) throw new Error('not an object')
    expect(first.body.count).toBe(500)
    expect(typeof first.body.next_token).toBe('string')
    const bad = await raw(`/api/v0/charges/?select_filters=${f}&after_token=nonsense`)
    expect(bad).toEqual({
      status: 400,
      body: { success: false, error: 'invalid_token', msg: 'Invalid pagination token' },
    })
  })

  it('rows carry instance, label, template and a gpu/disk/bwu/bwd breakdown that sums to the amount', async () => {
    const ledger = await fetchCharges(monthRange())
    expect(ledger.dropped).toBe(0)
    expect(ledger.charges.length).toBeGreaterThan(20)
    for (const c of ledger.charges) {
      expect(c.instanceId).not.toBeNull()
      expect(Math.abs(c.other)).toBeLessThan(0.002)
    }
    expect(ledger.charges.some((c) => c.label === 'inference')).toBe(true)
    expect(ledger.charges.some((c) => c.templateId !== null)).toBe(true)
  })

  it('follows pages to every row, and keeps a destroyed instance in the ledger', async () => {
    seedChargeHistory(world, 1_100)
    const running = [...world.instances.values()].find((i) => i.label === 'inference')
    if (!running) throw new Error('no seeded inference instance')
    await destroyInstance(running.id)
    const range = monthRange()
    const ledger = await fetchCharges(range)
    const now = Math.floor(worldNow(world) / 1000)
    const one = await raw(
      `/api/v0/charges/?select_filters=${filters({ day: dayFilter(range) })}&limit=1`,
    )
    if (!isRecord(one.body)) throw new Error('not an object')
    expect(ledger.pages).toBe(3)
    expect(ledger.charges).toHaveLength(Number(one.body.total))
    expect(ledger.charges.filter((c) => c.instanceId === running.id)).toHaveLength(1)
    expect(ledger.charges.every((c) => c.end <= now)).toBe(true)
  })

  it('answers 429 when called faster than once a second', async () => {
    const limited = createWorld({})
    const now = Math.floor(worldNow(limited) / 1000)
    const path = `/api/v0/charges/?select_filters=${filters({ day: { gte: now - 86_400, lte: now } })}`
    const call = () =>
      fetch(`http://localhost${path}`, { headers: { authorization: `Bearer ${limited.key}` } })
    expect((await call()).status).toBe(200)
    const second = await call()
    expect(second.status).toBe(429)
    expect(await second.json()).toEqual({
      detail: 'API requests too frequent endpoint threshold=1.0',
    })
  })
})

describe('GET /api/v1/invoices/', () => {
  it('lists the seeded top-ups as payments that add credit', async () => {
    const payments = await fetchPayments(monthRange())
    expect(payments.length).toBeGreaterThan(0)
    expect(payments.every((p) => p.amount > 0 && p.method === 'stripe')).toBe(true)
  })

  it('answers success:false without the when range, which the app reports', async () => {
    const res = await raw('/api/v1/invoices/')
    expect(res).toEqual({
      status: 200,
      body: { success: false, msg: "Must provide both 'when' gte and lte filters" },
    })
    await expect(fetchPayments({ from: 'x', to: 'y' })).rejects.toBeInstanceOf(ApiError)
  })
})
