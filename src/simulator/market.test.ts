import { afterEach, describe, expect, it, vi } from 'vitest'
import offersSample from '../api/fixtures/offers.json'
import { offerSchema } from '../api/offers/schemas'
import { parseRows } from '../api/parse'
import { advance, createWorld, searchOffers } from './model'
import { type Obj, bodyOf, records, num, search } from '../test/sim-model'

afterEach(() => vi.useRealTimers())

describe('offer rows', () => {
  const world = () => createWorld({ offers: 1500, seed: 11 })

  it('carry the full raw field set of samples/offers.json, and the app parses every row', () => {
    const rows = search(world())
    const sampleKeys = Object.keys(offersSample.offers[0] ?? {}).sort()
    for (const row of rows.slice(0, 50)) expect(Object.keys(row).sort()).toEqual(sampleKeys)
    expect(parseRows(offerSchema, rows).dropped).toBe(0)
  })

  it('include the raw quirks: numeric strings, nulls and padded IPs', () => {
    const rows = search(world())
    expect(
      rows.some((r) => typeof r.inet_down === 'string' && /^\d+(\.\d+)?$/.test(r.inet_down)),
    ).toBe(true)
    expect(rows.some((r) => r.cpu_cores === null)).toBe(true)
    expect(rows.every((r) => r.hostname === null && r.webpage === null)).toBe(true)
    expect(
      rows.some(
        (r) => typeof r.public_ipaddr === 'string' && r.public_ipaddr !== r.public_ipaddr.trim(),
      ),
    ).toBe(true)
    expect(rows.some((r) => r.direct_port_count === 0)).toBe(true)
    expect(rows.some((r) => r.verification === 'unverified')).toBe(true)
    expect(new Set(rows.map((r) => r.hosting_type))).toEqual(new Set([0, 1]))
    expect(new Set(rows.map((r) => r.num_gpus))).toEqual(new Set([1, 2, 4, 8]))
  })

  it('use real GPU names and VRAM readings', () => {
    const rows = search(world())
    const ramOf = (name: string) =>
      new Set(rows.filter((r) => r.gpu_name === name).map((r) => r.gpu_ram))
    expect(ramOf('RTX 4090')).toEqual(new Set([24564]))
    expect(ramOf('H100 SXM')).toEqual(new Set([81559]))
    expect(ramOf('A100 SXM4')).toEqual(new Set([81920]))
    expect(
      new Set(rows.map((r) => String(r.geolocation).split(', ').at(-1))).size,
    ).toBeGreaterThanOrEqual(15)
  })

  it('price storage per query: allocated_storage × storage_cost / 720 on top of dph_base (default 8 GB)', () => {
    const w = world()
    for (const [storage, query] of [
      [8, {}],
      [100, { allocated_storage: 100 }],
    ] as const) {
      const [row] = search(w, { ...query, id: { eq: search(w, { limit: 1 })[0]?.id } })
      if (!row) throw new Error('offer missing')
      const storageHour = (storage * num(row.storage_cost)) / 720
      expect(num(row.storage_total_cost)).toBeCloseTo(storageHour, 7)
      expect(num(row.dph_total)).toBeCloseTo(num(row.dph_base) + storageHour, 7)
      expect(num(row.dlperf_per_dphtotal)).toBeCloseTo(num(row.dlperf) / num(row.dph_total), 2)
      expect(num(row.flops_per_dphtotal)).toBeCloseTo(num(row.total_flops) / num(row.dph_total), 2)
      expect(row.search).toMatchObject({
        totalHour: row.dph_total,
        diskHour: row.storage_total_cost,
      })
    }
    expect(search(w, { allocated_storage: 1000 }).every((r) => num(r.disk_space) >= 1000)).toBe(
      true,
    )
  })

  it('price interruptible searches at min_bid', () => {
    const rows = search(world(), { type: 'bid', limit: 20 })
    for (const row of rows) {
      expect(row.is_bid).toBe(true)
      expect(row.dph_base).toBe(row.min_bid)
    }
    const reserved = search(world(), { type: 'reserved', limit: 5 })
    for (const row of reserved)
      expect(num(row.discounted_dph_total)).toBeLessThan(num(row.dph_total))
  })
})

describe('offer search', () => {
  const w = createWorld({ offers: 800, seed: 3 })
  const all = search(w)
  const expectSame = (query: Obj, predicate: (row: Obj) => boolean) => {
    const expected = all.filter(predicate).map((r) => r.id)
    expect(expected.length).toBeGreaterThan(0)
    expect(
      search(w, query)
        .map((r) => r.id)
        .sort(),
    ).toEqual(expected.sort())
  }

  it.each([
    ['eq', { num_gpus: { eq: 2 } }, (r: Obj) => r.num_gpus === 2],
    ['neq', { num_gpus: { neq: 1 } }, (r: Obj) => r.num_gpus !== 1],
    ['gt', { dph_total: { gt: 1.5 } }, (r: Obj) => num(r.dph_total) > 1.5],
    ['gte', { gpu_ram: { gte: 49140 } }, (r: Obj) => num(r.gpu_ram) >= 49140],
    ['lt', { reliability: { lt: 0.95 } }, (r: Obj) => num(r.reliability) < 0.95],
    ['lte', { dph_total: { lte: 0.3 } }, (r: Obj) => num(r.dph_total) <= 0.3],
    [
      'in',
      { gpu_name: { in: ['RTX 4090', 'H100 SXM'] } },
      (r: Obj) => r.gpu_name === 'RTX 4090' || r.gpu_name === 'H100 SXM',
    ],
    ['notin', { num_gpus: { notin: [1, 2] } }, (r: Obj) => r.num_gpus !== 1 && r.num_gpus !== 2],
    [
      'gte+lte on one field',
      { gpu_ram: { gte: 22000, lte: 50000 } },
      (r: Obj) => num(r.gpu_ram) >= 22000 && num(r.gpu_ram) <= 50000,
    ],
    ['eq null', { cpu_cores: { eq: null } }, (r: Obj) => r.cpu_cores === null],
    ['numeric strings', { num_gpus: { eq: '4' } }, (r: Obj) => r.num_gpus === 4],
    ['bool strings', { static_ip: { eq: 'true' } }, (r: Obj) => r.static_ip === true],
  ])('%s', (_name, query, predicate) => expectSame(query, predicate))

  it.each([
    ['verified', { verified: { eq: true } }, (r: Obj) => r.verification === 'verified'],
    ['unverified', { verified: { eq: false } }, (r: Obj) => r.verification !== 'verified'],
    ['datacenter', { datacenter: { eq: true } }, (r: Obj) => r.hosting_type === 1],
    [
      'geolocation in',
      { geolocation: { in: ['US', 'ca'] } },
      (r: Obj) => /, (US|CA)$/.test(String(r.geolocation)),
    ],
    [
      'geolocation notin',
      { geolocation: { notin: ['US'] } },
      (r: Obj) => !String(r.geolocation).endsWith(', US'),
    ],
    ['duration', { duration: { gte: 30 * 86400 } }, (r: Obj) => num(r.duration) >= 30 * 86400],
    ['alias dph', { dph: { lte: 0.5 } }, (r: Obj) => num(r.dph_total) <= 0.5],
    ['alias reliability2', { reliability2: { gte: 0.99 } }, (r: Obj) => num(r.reliability) >= 0.99],
    ['GB alias', { gpu_ram_GB: { gte: 80 } }, (r: Obj) => num(r.gpu_ram) >= 80_000],
    [
      'driver_version string',
      { driver_version: { gte: '570.0.0' } },
      (r: Obj) => num(r.driver_vers) >= 570_000_000,
    ],
    ['rentable', { rentable: { eq: true } }, (r: Obj) => r.rentable === true],
    ['external', { external: { eq: false } }, (r: Obj) => r.external === false],
  ])('virtual field / alias: %s', (_name, query, predicate) => expectSame(query, predicate))

  it('matches gpu_name with spaces only, like the raw API', () => {
    expect(search(w, { gpu_name: { eq: 'RTX 4090' } }).length).toBeGreaterThan(0)
    expect(search(w, { gpu_name: { eq: 'RTX_4090' } })).toEqual([])
  })

  it('ignores unknown fields and operators', () => {
    expect(search(w, { no_such_field: { eq: 1 }, num_gpus: { like: 3 } })).toHaveLength(all.length)
  })

  it('never lists rented offers', () => {
    expect(search(w, { rented: { eq: true } })).toEqual([])
  })

  it('orders by several keys, nulls last, score desc by default', () => {
    const byPrice = search(w, { order: [['dph_total', 'asc']] }).map((r) => num(r.dph_total))
    expect(byPrice).toEqual([...byPrice].sort((a, b) => a - b))
    const multi = search(w, {
      order: [
        ['num_gpus', 'desc'],
        ['dph_total', 'asc'],
      ],
    })
    for (let i = 1; i < multi.length; i += 1) {
      const [a, b] = [multi[i - 1], multi[i]]
      if (!a || !b) continue
      const ok =
        num(a.num_gpus) > num(b.num_gpus) ||
        (a.num_gpus === b.num_gpus && num(a.dph_total) <= num(b.dph_total))
      expect(ok).toBe(true)
    }
    const cores = search(w, { order: [['cpu_cores', 'desc']] })
    expect(cores.at(-1)?.cpu_cores).toBeNull()
    const scores = records(bodyOf(searchOffers(w, { limit: 30 })).offers).map((r) => num(r.score))
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })

  it('applies limit, numbering rows with rn', () => {
    const rows = search(w, { limit: 7 })
    expect(rows.map((r) => r.rn)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(search(w, { limit: '3' })).toHaveLength(3)
  })

  it.each([['abc'], [2.5], [true]])('rejects limit %s like pydantic', (limit) => {
    const res = searchOffers(w, { limit })
    expect(res).toMatchObject({
      status: 400,
      body: { msg: 'limit: Input should be a valid integer' },
    })
  })
})

describe('price wave', () => {
  it('moves every price over the world clock, deterministically, only when asked', () => {
    const cheapest = (world: ReturnType<typeof createWorld>) =>
      num(search(world, { order: [['dph_total', 'asc']], limit: 1 })[0]?.dph_base)
    const fixed = createWorld({ offers: 50, seed: 3 })
    const moving = createWorld({ offers: 50, seed: 3, priceWave: 0.2 })
    const start = cheapest(moving)
    expect(start).toBeCloseTo(cheapest(fixed), 6)
    advance(moving, 6 * 3_600_000)
    advance(fixed, 6 * 3_600_000)
    expect(cheapest(moving)).toBeCloseTo(start * 0.8, 6)
    expect(cheapest(fixed)).toBeCloseTo(start, 6)
    advance(moving, 12 * 3_600_000)
    expect(cheapest(moving)).toBeCloseTo(start * 1.2, 6)
  })
})
