import { submitApiKey } from '../api/api-key-store'
import { searchOffers } from '../api/offers/endpoints'
import type { Offer } from '../api/offers/schemas'
import { createWorld, requestLog, type World } from '../simulator/model'

/** A fresh simulated account (no rate limits), signed in, and the best offer it can rent. */
export async function worldWithOffer(): Promise<{ world: World; offer: Offer }> {
  const world = createWorld({ rateLimits: false })
  submitApiKey(world.key, false)
  const { offers } = await searchOffers({
    filters: {},
    order: [['score', 'desc']],
    type: 'on-demand',
    limit: 1,
    allocatedStorage: 10,
  })
  const offer = offers[0]
  if (!offer) throw new Error('no offer')
  return { world, offer }
}

/** The rent PUTs Vast received: counting them is the money-safety check (docs/testing.md). */
export const rentPuts = (world: World) =>
  requestLog(world).filter((r) => r.method === 'PUT' && r.path.startsWith('/api/v0/asks/'))
