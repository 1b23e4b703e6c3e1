import { describe, expect, it } from 'vitest'
import {
  createWorld,
  destroyInstance,
  getWorld,
  rent,
  requestLog,
  TEST_KEY,
} from '../../simulator/model'
import { submitApiKey } from '../api-key-store'
import type { InstanceList } from './endpoints'
import {
  FAST_POLL_MS,
  fetchInstanceList,
  pollInterval,
  SLOW_POLL_MS,
  STUCK_AFTER_MS,
} from './queries'
import type { Instance } from './schemas'

const instance = (
  id: number,
  actual_status: string | null,
  intended_status = 'running',
): Instance => ({
  id,
  actual_status,
  intended_status,
  status_msg: null,
  ports: null,
  start_date: 1_000,
})
const list = (instances: Instance[], pages = 1): InstanceList => ({
  instances,
  dropped: 0,
  truncated: false,
  pages,
  fullAt: 0,
})

describe('pollInterval', () => {
  it('polls fast while any instance is changing and slowly once all have settled', () => {
    expect(pollInterval(list([instance(1, 'running'), instance(2, 'loading')]), 0)).toBe(
      FAST_POLL_MS,
    )
    expect(pollInterval(list([instance(1, 'running'), instance(2, 'exited', 'stopped')]), 0)).toBe(
      SLOW_POLL_MS,
    )
    expect(pollInterval(undefined)).toBe(SLOW_POLL_MS)
  })

  it('spends at most one page per 15 s on a large settled account', () => {
    expect(pollInterval(list([instance(1, 'running')], 20), 0)).toBe(300_000)
  })

  it('stops polling fast for an instance stuck in one changing state for over 10 minutes', () => {
    const stuck = list([instance(7, 'loading')])
    expect(pollInterval(stuck, 0)).toBe(FAST_POLL_MS)
    expect(pollInterval(stuck, STUCK_AFTER_MS - 1)).toBe(FAST_POLL_MS)
    expect(pollInterval(stuck, STUCK_AFTER_MS + 1)).toBe(SLOW_POLL_MS)
    expect(pollInterval(list([instance(7, 'running', 'stopped')]), STUCK_AFTER_MS + 2)).toBe(
      FAST_POLL_MS,
    )
  })
})

describe('fetchInstanceList', () => {
  const listRequests = (key: string) =>
    requestLog(getWorld(key) ?? createWorld()).filter((r) => r.path === '/api/v1/instances/')

  it('polls only the changing instances, in one request, however large the account', async () => {
    const world = createWorld({ instances: 60, rateLimits: false })
    submitApiKey(world.key, false)
    const full = await fetchInstanceList(undefined, false)
    expect(full.instances).toHaveLength(60)
    expect(full.pages).toBe(3)
    expect(listRequests(world.key)).toHaveLength(3)

    const changing = full.instances.filter(
      (i) => i.actual_status === 'loading' || i.actual_status === null,
    )
    expect(changing.length).toBeGreaterThan(0)
    const polled = await fetchInstanceList(full, false, undefined, full.fullAt + FAST_POLL_MS)
    const requests = listRequests(world.key)
    expect(requests).toHaveLength(4)
    expect(requests[3]?.query['select_filters']).toContain('"id":{"in":[')
    expect(polled.instances.map((i) => i.id)).toEqual(full.instances.map((i) => i.id))
  })

  it('lists everything again when the list was invalidated, so a new rental shows up', async () => {
    const world = createWorld({ instances: 2, rateLimits: false })
    submitApiKey(world.key, false)
    const first = await fetchInstanceList(undefined, false)
    const offerId = [...world.offers.keys()][0]
    rent(world, offerId ?? 0, {
      image: 'vastai/base-image:@vastai-automatic-tag',
      disk: 10,
      client_id: 'me',
    })
    const after = await fetchInstanceList(first, true)
    expect(after.instances).toHaveLength(first.instances.length + 1)
  })

  it('drops an instance that vanished between polls', async () => {
    submitApiKey(TEST_KEY, false)
    const world = getWorld(TEST_KEY)
    if (!world) throw new Error('no test world')
    world.switches.rateLimits = false
    const offerId = [...world.offers.keys()][0]
    rent(world, offerId ?? 0, {
      image: 'vastai/base-image:@vastai-automatic-tag',
      disk: 10,
      client_id: 'me',
    })
    const first = await fetchInstanceList(undefined, false)
    const gone = first.instances[0]?.id ?? 0
    destroyInstance(world, String(gone))
    const polled = await fetchInstanceList(first, false, undefined, first.fullAt + FAST_POLL_MS)
    expect(polled.instances.map((i) => i.id)).not.toContain(gone)
  })
})
