import { beforeEach, describe, expect, it, vi } from 'vitest'
import { forgetApiKey, removeAccount, submitApiKey, switchAccount } from './api-key-store'
import { accountQueries } from './account/queries'
import { restoredAt } from './device-cache'
import { deviceCacheOf } from './device-cache-link'
import { OFFER_ROWS_KEPT_MAX, startDeviceCache } from './device-cache-store'
import { instanceQueries } from './instances/queries'
import type { BundlesQuery } from './offers/bundles-query'
import { searchOffers } from './offers/endpoints'
import { offerQueries } from './offers/queries'
import { advance, createWorld, TEST_KEY } from '../simulator/model'
import { rentFirst } from '../test/sim-model'
import { createTestQueryClient } from '../test/render'
import { memoryDevice } from '../test/memory-device'
import type { QueryClient } from '@tanstack/react-query'

const OTHER_KEY = 'sim-test-key-0002'
const LIST = instanceQueries.list().queryKey
const SECRET_ENV = 'hf_secret_value_1234'

/** The first search the offers page runs, as its query factory caches it. */
function searchFirstOffers(client: QueryClient) {
  const query: BundlesQuery = {
    filters: {},
    order: [['dph_total', 'asc']],
    type: 'on-demand',
    limit: 20,
    allocatedStorage: 8,
  }
  return client.fetchQuery({
    queryKey: [...offerQueries.all(), 'search', query],
    queryFn: async () => ({
      ...(await searchOffers(query)),
      filters: {},
      local: false,
      complete: false,
    }),
  })
}

beforeEach(() => {
  const world = createWorld({ key: TEST_KEY, instances: 3 })
  // One instance started with a secret in its environment, run long enough to get a Jupyter token.
  rentFirst(world, { env: { HF_TOKEN: SECRET_ENV }, onstart: `export TOKEN=${SECRET_ENV}` })
  advance(world, 30 * 60_000)
  createWorld({ key: OTHER_KEY, instances: 2 })
})

describe('answers kept on the device', () => {
  it("keeps a remembered account's instance list and offer search: no key, no secret field, nothing of users/current", async () => {
    const account = submitApiKey(TEST_KEY, true)
    const client = createTestQueryClient()
    const device = memoryDevice()
    const cache = startDeviceCache(client, device.storage)
    await cache.restored
    const list = await client.fetchQuery(instanceQueries.list())
    expect(list.instances.some((i) => i.jupyter_token)).toBe(true)
    await searchFirstOffers(client)
    await client.fetchQuery(accountQueries.current())
    await cache.flush()

    const kept = [...device.rows.values()]
    expect(kept.map((r) => r.queryKey.slice(0, 2).join('/')).sort()).toEqual([
      'instances/list',
      'offers/search',
    ])
    expect(kept.every((r) => r.account === account)).toBe(true)
    const text = JSON.stringify(kept)
    expect(text).not.toContain(TEST_KEY)
    expect(text).not.toContain(SECRET_ENV)
    expect(text).not.toMatch(/jupyter_token|extra_env|onstart/)
    // What is shown is kept: the same instances, with their status and price.
    expect(text).toContain(`"id":${list.instances[0]?.id}`)
    expect(text).toContain('actual_status')
    cache.stop()
  })

  it('keeps no offer search larger than it can write and read back quickly', async () => {
    submitApiKey(TEST_KEY, true)
    const client = createTestQueryClient()
    const device = memoryDevice()
    const cache = startDeviceCache(client, device.storage)
    const offers = Array.from({ length: OFFER_ROWS_KEPT_MAX + 1 }, (_, id) => ({ id }))
    client.setQueryData([...offerQueries.all(), 'search', { limit: 5000 }], {
      offers,
      dropped: 0,
      filters: {},
      local: false,
      complete: false,
    })
    await cache.flush()
    expect(device.rows.size).toBe(0)
    cache.stop()
  })

  it('a session-only key keeps nothing on the device', async () => {
    submitApiKey(TEST_KEY, false)
    const client = createTestQueryClient()
    const device = memoryDevice()
    const cache = startDeviceCache(client, device.storage)
    await client.fetchQuery(instanceQueries.list())
    await searchFirstOffers(client)
    await cache.flush()
    expect(device.rows.size).toBe(0)
    cache.stop()
  })

  it('shows the kept answers at the next visit, marked as restored until a fresh answer lands', async () => {
    submitApiKey(TEST_KEY, true)
    const device = memoryDevice()
    const first = createTestQueryClient()
    const firstCache = startDeviceCache(first, device.storage)
    await first.fetchQuery(instanceQueries.list())
    const fetchedAt = first.getQueryState(LIST)?.dataUpdatedAt
    await firstCache.flush()
    firstCache.stop()

    const next = createTestQueryClient()
    const cache = startDeviceCache(next, device.storage)
    await cache.restored
    expect(next.getQueryData(LIST)?.instances.map((i) => i.id)).toEqual(
      first.getQueryData(LIST)?.instances.map((i) => i.id),
    )
    expect(restoredAt(next, LIST)).toBe(fetchedAt)
    expect(next.getQueryState(LIST)?.isInvalidated).toBe(true)

    await next.fetchQuery(instanceQueries.list())
    expect(restoredAt(next, LIST)).toBeNull()
    cache.stop()
  })

  it("a switch shows only the new account's kept answers; a removed or forgotten key loses them", async () => {
    const device = memoryDevice()
    const mine = submitApiKey(TEST_KEY, true)
    const team = submitApiKey(OTHER_KEY, true, 'live', { activate: false })
    const client = createTestQueryClient()
    const cache = startDeviceCache(client, device.storage)
    const mineList = await client.fetchQuery(instanceQueries.list())
    await cache.flush()

    switchAccount(team)
    expect(client.getQueryData(LIST)).toBeUndefined()
    const teamList = await client.fetchQuery(instanceQueries.list())
    expect(teamList.instances.map((i) => i.id)).not.toEqual(mineList.instances.map((i) => i.id))
    await cache.flush()
    expect(device.accounts().sort()).toEqual([mine, team].sort())

    switchAccount(mine)
    await vi.waitFor(() => expect(restoredAt(client, LIST)).not.toBeNull())
    expect(client.getQueryData(LIST)?.account).toBe(mine)
    expect(client.getQueryData(LIST)?.instances.map((i) => i.id)).toEqual(
      mineList.instances.map((i) => i.id),
    )

    removeAccount(team)
    await vi.waitFor(() => expect(device.accounts()).toEqual([mine]))

    forgetApiKey()
    await vi.waitFor(() => expect(device.rows.size).toBe(0))
    cache.stop()
  })

  it('a key Vast refuses loses its kept answers', async () => {
    submitApiKey(TEST_KEY, true)
    const client = createTestQueryClient()
    const device = memoryDevice()
    const cache = startDeviceCache(client, device.storage)
    await client.fetchQuery(instanceQueries.list())
    await cache.flush()
    expect(device.rows.size).toBe(1)
    deviceCacheOf(client)?.dropActive()
    await vi.waitFor(() => expect(device.rows.size).toBe(0))
    cache.stop()
  })
})
