import { afterEach, describe, expect, it } from 'vitest'
import { instanceQueries } from '../../api/instances/queries'
import { claimFallback, readPlans, rememberRental, resetPlans } from '../../api/rental-plans-store'
import { rent, requestLog, simulate, type World } from '../../simulator/model'
import { worldWithOffer } from '../../test/rent-world'
import { createTestQueryClient } from '../../test/render'
import { resetAutoFallback, runAutoFallbacks } from './auto-fallback'

const MIN = 60_000
const writes = (world: World, since: number) =>
  requestLog(world)
    .slice(since)
    .filter(
      (r) => r.method === 'DELETE' || (r.method === 'PUT' && r.path.startsWith('/api/v0/asks/')),
    )
    .map((r) => `${r.method} ${r.path.replace(/\/\d+\//g, '/N/')}`)

/**
 * A signed-in world with one rental that boots slowly (rented straight in the simulator, so no
 * request of the app's is spent on it), its plan opted in, rented 16 minutes ago, and the app's
 * instance list loaded.
 */
async function lateRental(auto = true) {
  const { world, offer } = await worldWithOffer()
  simulate(world, { slowBoot: { offers: [offer.id], machines: [] } })
  const answer = rent(world, offer.id, { client_id: 'me', image: 'pytorch/pytorch', disk: 10 })
  const body: unknown = 'body' in answer ? answer.body : null
  const instanceId =
    typeof body === 'object' && body !== null && 'new_contract' in body
      ? Number(body.new_contract)
      : NaN
  const client = createTestQueryClient()
  await client.fetchQuery(instanceQueries.list())
  const now = Date.now()
  rememberRental({
    instanceId,
    offerId: offer.id,
    machineId: offer.machine_id ?? null,
    model: offer.gpu_name,
    perHour: offer.dph_total,
    rentedAt: now - 16 * MIN,
    deadlineSeconds: 15 * 60,
    usualSeconds: null,
    query: {
      filters: { rentable: { eq: true }, rented: { eq: false } },
      order: [['score', 'desc']],
      type: 'on-demand',
      limit: 64,
      allocatedStorage: 10,
    },
    input: { image: 'pytorch/pytorch', disk: 10, runtype: 'ssh' },
    auto,
    spent: false,
  })
  return { world, client, instanceId, now, mark: requestLog(world).length }
}

describe('automatic fallback of a rental that does not boot', () => {
  afterEach(() => {
    resetPlans()
    resetAutoFallback()
  })

  it('destroys it and rents the next best match, exactly once, and raises an event', async () => {
    const { world, client, instanceId, now, mark } = await lateRental()
    const events = await runAutoFallbacks(client, now)
    expect(writes(world, mark)).toEqual(['DELETE /api/v0/instances/N/', 'PUT /api/v0/asks/N/'])
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ id: instanceId, kind: 'boot_fallback' })
    expect(events[0]?.note).toMatch(
      /^destroyed; rented offer \d+: .+ at \$\d+\.\d{3}\/hr instead: instance \d+\.$/,
    )
    // The replacement is remembered for its own card, by hand only.
    expect(readPlans()).toEqual([
      expect.objectContaining({ instanceId, spent: true }),
      expect.objectContaining({ auto: false, spent: false }),
    ])

    // Later passes (still listed as late in an old list, say) send nothing more.
    await runAutoFallbacks(client, now + 2 * MIN)
    expect(writes(world, mark)).toHaveLength(2)
  })

  it('sends nothing while the key is rejected, and fires once it works again', async () => {
    const { world, client, instanceId, now, mark } = await lateRental()
    simulate(world, { auth: 'revoked' })
    expect(await runAutoFallbacks(client, now)).toEqual([])
    expect(writes(world, mark)).toEqual([])
    expect(readPlans()[0]).toMatchObject({ instanceId, spent: false })

    simulate(world, { auth: 'ok' })
    expect(await runAutoFallbacks(client, now + 2 * MIN)).toHaveLength(1)
    expect(writes(world, mark)).toHaveLength(2)
  })

  it('sends nothing while the search fails', async () => {
    const { world, client, now, mark } = await lateRental()
    simulate(world, { bundles: 'html_502' })
    expect(await runAutoFallbacks(client, now)).toEqual([])
    expect(writes(world, mark)).toEqual([])
  })

  it('resolves a lost rent answer from the instance list, without sending it again', async () => {
    const { world, client, now, mark } = await lateRental()
    simulate(world, { rent: 'dropped' })
    const [event] = await runAutoFallbacks(client, now)
    expect(event?.note).toMatch(/the answer was lost; found in the list/)
    expect(writes(world, mark)).toEqual(['DELETE /api/v0/instances/N/', 'PUT /api/v0/asks/N/'])
  })

  it('leaves alone a rental not opted in, or whose fallback another tab claimed', async () => {
    const { world, client, instanceId, now, mark } = await lateRental(false)
    expect(await runAutoFallbacks(client, now)).toEqual([])
    const plan = readPlans()[0]
    if (!plan) throw new Error('no plan')
    rememberRental({ ...plan, auto: true })
    expect(claimFallback(instanceId)).toBe(true)
    expect(await runAutoFallbacks(client, now)).toEqual([])
    expect(writes(world, mark)).toEqual([])
  })
})
