/**
 * Rent with fallback, the sending part: find the next best match (the rental's own search, run
 * again), then destroy the late rental and rent the match. Each write goes out once and is never
 * retried; a lost answer is resolved by reading the instance list again. Shared by the card's
 * button (after its confirmation) and the automatic path.
 */
import type { QueryClient } from '@tanstack/react-query'
import { isApiError } from '../../api/errors'
import { destroyInstance } from '../../api/instances/endpoints'
import { instanceQueries } from '../../api/instances/queries'
import { accountQueries } from '../../api/account/queries'
import { offerQueries } from '../../api/offers/queries'
import { rentOffer, searchOffers } from '../../api/offers/endpoints'
import type { Offer } from '../../api/offers/schemas'
import { checkRentOutcome, readInstancesAfresh } from '../../api/rent-outcome'
import { rememberRental, type RentalPlan } from '../../api/rental-plans-store'
import { readSpendGuards } from '../../api/spend-guards-store'
import { matchText, nextBestMatch, type NextBestMatch } from '../../domain/market/boot-fallback'
import { guardViolations } from '../../domain/spend-guards'

/** Failures after which a write may have gone through: the instance list tells. */
const AMBIGUOUS = new Set(['network', 'server', 'parse'])

const reason = (error: unknown, fallback: string) =>
  isApiError(error) ? error.message : error instanceof Error ? error.message : fallback

export type FindResult =
  | { kind: 'found'; match: NextBestMatch<Offer> }
  /** Nothing to rent: none matches, or the match is over a spend guard. */
  | { kind: 'held'; reason: string }

/**
 * Re-runs the rental's search and picks the next best match, within the spend guards (counting
 * the instances now listed, less the one that would be destroyed).
 */
export async function findNextBest(plan: RentalPlan, instanceCount: number): Promise<FindResult> {
  let offers: Offer[]
  try {
    // The cheapest first, whatever order the search was shown in.
    offers = (await searchOffers({ ...plan.query, order: [['dph_total', 'asc']] })).offers
  } catch (error) {
    return { kind: 'held', reason: `The search failed: ${reason(error, 'no answer')}` }
  }
  const match = nextBestMatch(offers, {
    machineId: plan.machineId,
    offerId: plan.offerId,
    diskGb: plan.input.disk,
    listedDiskGb: plan.query.allocatedStorage,
  })
  if (!match)
    return { kind: 'held', reason: 'No other offer matches the search it was rented from.' }
  const over = guardViolations(readSpendGuards(), {
    perHour: match.perHour,
    existingInstances: Math.max(0, instanceCount - 1),
  })[0]
  return over === undefined ? { kind: 'found', match } : { kind: 'held', reason: over }
}

export interface ReplaceOutcome {
  /** The new instance, when one was rented (or found after a lost answer). */
  instanceId: number | null
  /** One sentence for the event inbox and the toast. */
  text: string
}

/** Destroys the rental; true once it is gone (a lost answer: gone from a fresh list). */
async function destroyOnce(client: QueryClient, id: number): Promise<true | string> {
  try {
    await destroyInstance(id)
    return true
  } catch (error) {
    if (!isApiError(error) || !AMBIGUOUS.has(error.kind)) return reason(error, 'refused')
    try {
      const list = await readInstancesAfresh(client)
      return list.instances.some((i) => i.id === id) ? reason(error, 'no answer') : true
    } catch {
      return reason(error, 'no answer')
    }
  }
}

/**
 * Destroys the late rental, then rents the match with the same settings, each once. Call only
 * after `claimFallback` (the once-only claim) has succeeded. Never throws.
 */
export async function replaceRental(
  client: QueryClient,
  plan: RentalPlan,
  match: NextBestMatch<Offer>,
): Promise<ReplaceOutcome> {
  const what = matchText(match.offer, match.perHour)
  try {
    const destroyed = await destroyOnce(client, plan.instanceId)
    if (destroyed !== true)
      return {
        instanceId: null,
        text: `it could not be destroyed (${destroyed}), so nothing else was rented. Not retried.`,
      }
    const before = new Set(
      client
        .getQueryData(instanceQueries.list().queryKey)
        ?.instances.map((i) => i.id)
        .filter((id) => id !== plan.instanceId) ?? [],
    )
    try {
      const { instanceId } = await rentOffer(match.offer.id, plan.input)
      remember(plan, match, instanceId)
      return { instanceId, text: `destroyed; rented ${what} instead: instance ${instanceId}.` }
    } catch (error) {
      if (!isApiError(error) || !AMBIGUOUS.has(error.kind))
        return {
          instanceId: null,
          text: `destroyed; renting ${what} failed: ${reason(error, 'refused')}. Not retried.`,
        }
      const found = await checkRentOutcome(client, match.offer.machine_id, before)
      if (found.kind === 'appeared') remember(plan, match, found.instanceId)
      return {
        instanceId: found.kind === 'appeared' ? found.instanceId : null,
        text:
          found.kind === 'appeared'
            ? `destroyed; rented ${what} instead: instance ${found.instanceId} (the answer was lost; found in the list).`
            : found.kind === 'absent'
              ? `destroyed; renting ${what} got no answer and no new instance is listed. Not retried.`
              : `destroyed; renting ${what} got no answer: check the instance list. Not retried.`,
      }
    }
  } finally {
    void client.invalidateQueries({ queryKey: instanceQueries.all() })
    void client.invalidateQueries({ queryKey: accountQueries.all() })
    void client.invalidateQueries({ queryKey: offerQueries.all() })
  }
}

/** The replacement keeps the plan and its deadline; its fallback is by hand only (the automatic one was used). */
function remember(plan: RentalPlan, match: NextBestMatch<Offer>, instanceId: number): void {
  rememberRental({
    ...plan,
    instanceId,
    offerId: match.offer.id,
    machineId: match.offer.machine_id ?? null,
    model: match.offer.gpu_name,
    perHour: match.perHour,
    rentedAt: Date.now(),
    auto: false,
    spent: false,
  })
}
