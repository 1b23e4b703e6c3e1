// HTTP-level behaviour of the simulator, through msw/node as the app's tests see it
// (src/test/setup.ts starts the server and resets the simulator after each test).
import { describe, expect, it } from 'vitest'
import { submitApiKey } from '../api/api-key-store'

import { getAccount } from '../api/account/endpoints'
import { destroyInstance, listInstances, stopInstance } from '../api/instances/endpoints'
import { rentOffer } from '../api/offers/endpoints'
import { searchOffers } from '../api/offers/endpoints'
import { ApiError } from '../api/errors'
import { advance, simulate } from './model'
import { call, jsonOf, records, quietWorld } from '../test/sim-http'

/** The first offer of the market, read over HTTP. */
async function firstOffer(key: string) {
  const body = await jsonOf(
    await call('/api/v0/bundles/', { method: 'POST', body: { limit: 1 }, key }),
  )
  return records(body.offers)[0]
}

describe("the app's API layer against the simulator", () => {
  it('reads the account, searches, rents, lists, stops and destroys', async () => {
    const world = quietWorld({ credit: 40 })
    submitApiKey(world.key, false)
    expect(await getAccount()).toMatchObject({ credit: 40, email: `user-${world.seq}@example.com` })
    expect(await getAccount()).not.toHaveProperty('api_key')

    const { offers, dropped } = await searchOffers({
      filters: { gpu_name: { in: ['RTX 4090', 'RTX 3090'] }, direct_port_count: { gte: 1 } },
      order: [['dph_total', 'asc']],
      type: 'on-demand',
      limit: 10,
      allocatedStorage: 20,
    })
    expect(dropped).toBe(0)
    const offer = offers[0]
    if (!offer) throw new Error('no offer')
    const { instanceId } = await rentOffer(offer.id, {
      image: 'vastai/base-image:@vastai-automatic-tag',
      disk: 20,
      runtype: 'ssh',
      label: 'app test',
    })

    advance(world, 60_000)
    const list = await listInstances()
    expect(list.instances.map((i) => [i.id, i.actual_status, i.label])).toEqual([
      [instanceId, 'running', 'app test'],
    ])
    expect(list.instances[0]?.ports?.['22/tcp']?.[0]?.HostPort).toEqual(expect.any(Number))

    await stopInstance(instanceId)
    await destroyInstance(instanceId)
    expect((await listInstances()).instances).toEqual([])
  })

  it('maps a taken offer to offer_gone', async () => {
    const world = quietWorld()
    submitApiKey(world.key, false)
    simulate(world, { rent: 'offer_gone' })
    const offer = await firstOffer(world.key)
    await expect(
      rentOffer(Number(offer?.id), { image: 'x', disk: 20, runtype: 'ssh' }),
    ).rejects.toMatchObject({ kind: 'offer_gone' })
  })

  it('a 404 without no_such_ask stays not_found, and nothing is rented', async () => {
    const world = quietWorld()
    submitApiKey(world.key, false)
    simulate(world, { rent: 'not_found_plain' })
    const offer = await firstOffer(world.key)
    await expect(
      rentOffer(Number(offer?.id), { image: 'x', disk: 20, runtype: 'ssh' }),
    ).rejects.toMatchObject({ kind: 'not_found', message: 'Not found' })
    expect(world.instances.size).toBe(0)
  })

  it('surfaces a wrong key as an auth error', async () => {
    submitApiKey('sim-wrong-key', false)
    const error: unknown = await getAccount().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ kind: 'auth' })
  })
})
