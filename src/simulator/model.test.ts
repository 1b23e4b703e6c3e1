import { afterEach, describe, expect, it, vi } from 'vitest'
import * as z from 'zod/mini'
import offersSample from '../api/fixtures/offers.json'
import instancesSample from '../api/fixtures/instances-v1-page.json'
import userSample from '../api/fixtures/user-current.json'
import { accountSchema } from '../api/account/schemas'
import { instanceSchema } from '../api/instances/schemas'
import { offerSchema } from '../api/offers/schemas'
import { parseRows } from '../api/parse'
import { uiStatus } from '../domain/instance-status'
import { LIFECYCLE_MS } from './lifecycle'
import {
  advance,
  authenticate,
  checkRateLimit,
  createWorld,
  creditOf,
  currentUser,
  destroyInstance,
  FIRST_INSTANCE_ID,
  getWorld,
  listInstancesPage,
  manageInstance,
  rent,
  resetSimulator,
  searchOffers,
  showInstance,
  simulate,
  TEST_KEY,
  type World,
} from './model'
import { isRecord, type SimResponse } from './responses'

type Obj = Record<string, unknown>

function bodyOf(res: SimResponse): Obj {
  if (res.kind !== 'json' || !isRecord(res.body))
    throw new Error(`expected a JSON object, got ${res.kind} ${res.status}`)
  return res.body
}
const records = (value: unknown): Obj[] => (Array.isArray(value) ? value.filter(isRecord) : [])
const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value))

/** All offers matching `query` (a large limit unless the query sets one). */
function search(world: World, query: Obj = {}): Obj[] {
  const res = searchOffers(world, { limit: 100_000, ...query })
  expect(res.status).toBe(200)
  return records(bodyOf(res).offers)
}

function rentFirst(world: World, body: Obj = {}, query: Obj = {}): { offer: Obj; id: number } {
  const offer = search(world, { limit: 1, ...query })[0]
  if (!offer) throw new Error('no offer to rent')
  const res = rent(world, num(offer.id), {
    image: 'vastai/base-image:@vastai-automatic-tag',
    disk: 10,
    runtype: 'ssh_direc ssh_proxy',
    ...body,
  })
  expect(res.status).toBe(200)
  return { offer, id: num(bodyOf(res).new_contract) }
}

function instance(world: World, id: number): Obj {
  const row = bodyOf(showInstance(world, String(id))).instances
  if (!isRecord(row)) throw new Error(`instance ${id} not found`)
  return row
}

const status = (row: Obj) => uiStatus(z.parse(instanceSchema, row))

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

describe('renting', () => {
  it('creates an instance, removes the offer and does not charge up front', () => {
    const world = createWorld({ credit: 30 })
    const before = search(world).length
    const offer = search(world, { limit: 1 })[0]
    const res = rent(world, num(offer?.id), { image: 'pytorch/pytorch:latest', disk: 16 })
    const body = bodyOf(res)
    expect(Object.keys(body).sort()).toEqual(['instance_api_key', 'new_contract', 'success'])
    expect(body.success).toBe(true)
    expect(body.instance_api_key).toMatch(/^[0-9a-f]{64}$/)
    expect(num(body.new_contract)).toBeGreaterThan(FIRST_INSTANCE_ID)
    expect(search(world)).toHaveLength(before - 1)
    expect(search(world, { id: { eq: offer?.id } })).toEqual([])
    expect(creditOf(world)).toBe(30)

    const again = rent(world, num(offer?.id), { image: 'pytorch/pytorch:latest', disk: 16 })
    expect(again).toMatchObject({
      status: 404,
      body: {
        success: false,
        error: 'invalid_args',
        msg: `error 404/3603: no_such_ask Instance type by id ${String(offer?.id)} is not available.`,
      },
    })
    expect(rent(world, 1, { image: 'x', disk: 10 }).status).toBe(404)
  })

  it.each([
    ['no image', { disk: 10 }, 'invalid_args'],
    ['image too long', { image: 'x'.repeat(1025), disk: 10 }, 'invalid_args'],
    ['disk below 8', { image: 'ubuntu:22.04', disk: 5 }, 'invalid_args'],
    ['disk not a number', { image: 'ubuntu:22.04', disk: 'lots' }, 'invalid_args'],
    ['label too long', { image: 'ubuntu:22.04', disk: 10, label: 'l'.repeat(257) }, 'invalid_args'],
    ['image not a string', { image: 42, disk: 10 }, 'invalid_args'],
    ['price too low', { image: 'ubuntu:22.04', disk: 10, price: 0 }, 'invalid_price'],
    ['price too high', { image: 'ubuntu:22.04', disk: 10, price: 200 }, 'invalid_price'],
    ['price not a number', { image: 'ubuntu:22.04', disk: 10, price: 'cheap' }, 'invalid_price'],
  ])('answers 400 for %s', (_name, body, error) => {
    const world = createWorld()
    const offer = search(world, { limit: 1 })[0]
    const res = rent(world, num(offer?.id), body)
    expect(res.status).toBe(400)
    expect(bodyOf(res)).toMatchObject({ success: false, error })
    if (error === 'invalid_args')
      expect(String(bodyOf(res).msg)).toMatch(/^error 400\/3467: Invalid args: /)
    expect(search(world, { id: { eq: offer?.id } })).toHaveLength(1)
  })

  it('accepts a template instead of an image, and a bid price', () => {
    const world = createWorld()
    const { id } = rentFirst(world, {
      image: undefined,
      template_hash_id: '4e17788f74f075dd9aab7d0d4427968f',
      price: 0.2,
    })
    expect(instance(world, id)).toMatchObject({
      template_name: 'vLLM',
      image_uuid: 'vllm/vllm-openai:latest',
      is_bid: true,
      dph_base: 0.2,
    })
  })

  it('copies the offer into the instance, priced with its own disk', () => {
    const world = createWorld()
    const { offer, id } = rentFirst(world, {
      disk: 40,
      label: 'my box',
      env: { TZ: 'UTC', '-p 8080:8080': '1' },
      onstart: 'echo hi',
    })
    const row = instance(world, id)
    const storageHour = (40 * num(offer.storage_cost)) / 720
    expect(row).toMatchObject({
      gpu_name: offer.gpu_name,
      num_gpus: offer.num_gpus,
      machine_id: offer.machine_id,
      label: 'my box',
      disk_space: 40,
      image_runtype: 'ssh ssh_direc ssh_proxy',
      extra_env: [
        ['TZ', 'UTC'],
        ['-p 8080:8080', '1'],
      ],
      onstart: 'echo hi',
      intended_status: 'running',
      public_ipaddr: offer.public_ipaddr,
    })
    expect(row.image_uuid).toMatch(
      /^vastai\/base-image:cuda-[\d.]+-auto$|^vastai\/base-image:rocm-[\d.]+-auto$/,
    )
    expect(num(row.dph_total)).toBeCloseTo(num(offer.dph_base) + storageHour, 7)
    expect(num(row.start_date)).toBeCloseTo(world.startedAt / 1000, 1)
    expect(row.ssh_host).toMatch(/^ssh\d\.vast\.ai$/)
    expect(Object.keys(row)).toEqual(
      expect.arrayContaining(Object.keys(instancesSample.instances[0] ?? {})),
    )
  })
})

describe('lifecycle', () => {
  it('goes provisioning → loading → running, then stop → exited and start → running', () => {
    const world = createWorld()
    const { id } = rentFirst(world, {}, { direct_port_count: { gte: 1 } })
    const at = () => instance(world, id)

    expect(at()).toMatchObject({
      actual_status: null,
      status_msg: null,
      intended_status: 'running',
      ports: null,
    })
    expect(status(at())).toBe('provisioning')

    advance(world, LIFECYCLE_MS.provisioning)
    expect(at().actual_status).toBe('loading')
    advance(world, LIFECYCLE_MS.loading / 2)
    expect(at().status_msg).toMatch(
      /^Pulling image vastai\/base-image: \d+\/\d+ layers, [\d.]+ GB\/[\d.]+ GB$/,
    )
    expect(status(at())).toBe('loading')

    advance(world, LIFECYCLE_MS.loading / 2)
    const running = at()
    expect(running).toMatchObject({ actual_status: 'running', cur_state: 'running' })
    expect(running.status_msg).toMatch(/^success, running vastai\/base-image_.+\/ssh$/)
    expect(running.jupyter_token).toMatch(/^[0-9a-f]{64}$/)
    const hostPort = isRecord(running.ports)
      ? records(running.ports['22/tcp'])[0]?.HostPort
      : undefined
    expect(Object.keys(isRecord(running.ports) ? running.ports : {})).toEqual(['22/tcp'])
    expect(hostPort).toMatch(/^\d+$/)
    expect(status(running)).toBe('running')

    expect(manageInstance(world, String(id), { state: 'stopped' })).toMatchObject({
      status: 200,
      body: { success: true },
    })
    expect(at()).toMatchObject({ actual_status: 'running', intended_status: 'stopped' })
    expect(status(at())).toBe('stopping')
    advance(world, LIFECYCLE_MS.stopping)
    expect(at()).toMatchObject({
      actual_status: 'exited',
      intended_status: 'stopped',
      cur_state: 'stopped',
      ports: null,
    })
    expect(status(at())).toBe('stopped')

    manageInstance(world, String(id), { state: 'running' })
    expect(at()).toMatchObject({
      actual_status: 'exited',
      intended_status: 'running',
      status_msg: 'scheduling: waiting for GPUs',
    })
    expect(status(at())).toBe('starting')
    advance(world, LIFECYCLE_MS.scheduling)
    expect(at().actual_status).toBe('loading')
    advance(world, LIFECYCLE_MS.restartLoading)
    expect(at()).toMatchObject({ actual_status: 'running', intended_status: 'running' })
  })

  it('has no direct ports on an offer without them (proxy SSH)', () => {
    const world = createWorld()
    const { id } = rentFirst(world, {}, { direct_port_count: { eq: 0 } })
    advance(world, 60_000)
    expect(instance(world, id)).toMatchObject({
      actual_status: 'running',
      ports: null,
      direct_port_start: -1,
    })
  })

  it('labels, and refuses long labels, unknown ids and unknown states', () => {
    const world = createWorld()
    const { id } = rentFirst(world)
    expect(manageInstance(world, String(id), { label: 'renamed' }).status).toBe(200)
    expect(instance(world, id).label).toBe('renamed')
    expect(manageInstance(world, String(id), { label: 'x'.repeat(1025) })).toMatchObject({
      status: 400,
      body: { error: 'label_too_long' },
    })
    expect(manageInstance(world, '123', { state: 'stopped' })).toMatchObject({
      status: 404,
      body: { success: false, error: 'no_such_instance' },
    })
    expect(manageInstance(world, String(id), { state: 'paused' }).status).toBe(400)
  })

  it('destroys once: then 404 not_found, and the offer is back on the market', () => {
    const world = createWorld()
    const { offer, id } = rentFirst(world)
    expect(destroyInstance(world, String(id))).toMatchObject({
      status: 200,
      body: { success: true },
    })
    expect(bodyOf(showInstance(world, String(id)))).toEqual({ instances: null })
    expect(destroyInstance(world, String(id))).toMatchObject({
      status: 404,
      body: { success: false, error: 'not_found' },
    })
    expect(search(world, { id: { eq: offer.id } })).toHaveLength(1)
  })

  it('bills storage from the start and the GPU only while running', () => {
    const world = createWorld({ credit: 25 })
    const { id } = rentFirst(world, { disk: 100 })
    const row = instance(world, id)
    const gpu = num(row.dph_base)
    const storage = num(row.storage_total_cost)
    advance(world, 3_600_000)
    const bootHours = (LIFECYCLE_MS.provisioning + LIFECYCLE_MS.loading) / 3_600_000
    expect(creditOf(world)).toBeCloseTo(25 - storage - gpu * (1 - bootHours), 5)
    manageInstance(world, String(id), { state: 'stopped' })
    const afterStop = creditOf(world)
    advance(world, 3_600_000)
    expect(creditOf(world)).toBeCloseTo(
      afterStop - storage - (gpu * LIFECYCLE_MS.stopping) / 3_600_000,
      5,
    )
  })
})

describe('pre-seeded instances and the v1 list', () => {
  it('seeds the states of samples/instances-v1-page.json', () => {
    const world = createWorld({ instances: 6 })
    const page = bodyOf(listInstancesPage(world, new URLSearchParams()))
    const rows = records(page.instances)
    expect(rows.map((r) => [r.actual_status, r.intended_status])).toEqual(
      expect.arrayContaining([
        ['running', 'running'],
        ['loading', 'running'],
        [null, 'running'],
        ['exited', 'stopped'],
        ['created', 'running'],
      ]),
    )
    expect(rows.find((r) => r.actual_status === 'created')?.status_msg).toMatch(
      /OCI runtime create failed/,
    )
    expect(rows.some((r) => isRecord(r.ports) && '22/tcp' in r.ports)).toBe(true)
    expect(parseRows(instanceSchema, rows).dropped).toBe(0)
    expect(page.label_counts).toEqual({
      'train-llama-ft': 2,
      '': 1,
      'notebook-old': 1,
      'bad-image-test': 1,
      inference: 1,
    })
    expect(search(world)).toHaveLength(150)
  })

  it('pages 60 instances by 25 with next_token', () => {
    const world = createWorld({ instances: 60 })
    const seen: unknown[] = []
    const pages: number[] = []
    let token: unknown = null
    do {
      const params = new URLSearchParams({ limit: '25' })
      if (typeof token === 'string') params.set('after_token', token)
      const page = bodyOf(listInstancesPage(world, params))
      expect(page).toMatchObject({ success: true, total_instances: 60 })
      const rows = records(page.instances)
      expect(page.instances_found).toBe(rows.length)
      pages.push(rows.length)
      seen.push(...rows.map((r) => r.id))
      token = page.next_token
    } while (typeof token === 'string')
    expect(pages).toEqual([25, 25, 10])
    expect(token).toBeNull()
    expect(new Set(seen).size).toBe(60)
    expect(seen).toEqual([...seen].sort((a, b) => num(a) - num(b)))
  })

  it('clamps limit, rejects bad tokens and filters with select_filters', () => {
    const world = createWorld({ instances: 30 })
    const list = (params: Record<string, string>) =>
      listInstancesPage(world, new URLSearchParams(params))
    expect(records(bodyOf(list({ limit: '0' })).instances)).toHaveLength(5)
    expect(records(bodyOf(list({ limit: '100' })).instances)).toHaveLength(25)
    expect(list({ after_token: 'not-a-token' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_token' },
    })
    const running = records(
      bodyOf(list({ select_filters: JSON.stringify({ actual_status: { eq: 'running' } }) }))
        .instances,
    )
    expect(running.length).toBeGreaterThan(0)
    expect(running.every((r) => r.actual_status === 'running')).toBe(true)
    const unlabeled = bodyOf(list({ select_filters: JSON.stringify({ label: { in: [null] } }) }))
    expect(records(unlabeled.instances).every((r) => r.label === null)).toBe(true)
    const ids = records(bodyOf(list({})).instances)
      .slice(0, 2)
      .map((r) => r.id)
    const byId = records(
      bodyOf(list({ select_filters: JSON.stringify({ id: { in: ids } }) })).instances,
    )
    expect(byId.map((r) => r.id)).toEqual(ids)
    expect(list({ select_filters: JSON.stringify({ dph_total: { lte: 1 } }) })).toMatchObject({
      status: 400,
      body: { msg: 'Error in query parameters: dph_total is not a valid search key' },
    })
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
