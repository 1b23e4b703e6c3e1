import { afterEach, describe, expect, it, vi } from 'vitest'
import { instanceSchema } from '../api/instances/schemas'
import { parseRows } from '../api/parse'
import { LIFECYCLE_MS } from './lifecycle'
import {
  advance,
  createWorld,
  creditOf,
  destroyInstance,
  listInstancesPage,
  manageInstance,
  showInstance,
} from './model'
import { isRecord } from './responses'
import { bodyOf, records, num, search, rentFirst, instance, status } from '../test/sim-model'

afterEach(() => vi.useRealTimers())

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
      actual_status: 'stopped',
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
