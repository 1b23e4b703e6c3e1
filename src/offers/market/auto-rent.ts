/**
 * "Rent it for me": an armed watch's hit rents one instance, once. The instance list is read
 * afresh first (so a rejected key or a failing API holds it, armed, for the next run); the watch
 * is disarmed before the rent is sent; the rent is never retried, and a lost answer is resolved
 * by reading the instance list again.
 */
import type { QueryClient } from '@tanstack/react-query'
import { isApiError } from '../../api/errors'
import { instanceQueries } from '../../api/instances/queries'
import { rentOffer } from '../../api/offers/endpoints'
import type { Offer } from '../../api/offers/schemas'
import { checkRentOutcome } from '../../api/rent-outcome'
import { readSpendGuards } from '../../api/spend-guards-store'
import { autoRentCheck, type ArmedRent } from '../../domain/market/auto-rent'
import { formatPrice } from '../../domain/format'

/** Failures after which the rent may have gone through: the list tells. */
const AMBIGUOUS = new Set(['network', 'server', 'parse'])

export type AutoRentResult = { kind: 'held'; reason: string } | { kind: 'done'; outcome: string }

export async function autoRent(
  client: QueryClient,
  armed: ArmedRent,
  offer: Offer,
  /** Disarms the watch; false when another tab already did (then nothing is sent). */
  disarm: () => boolean,
): Promise<AutoRentResult> {
  let before: ReadonlySet<number>
  let count: number
  try {
    const list = await client.fetchQuery({ ...instanceQueries.list(), staleTime: 0 })
    before = new Set(list.instances.map((i) => i.id))
    count = list.instances.length
  } catch (error) {
    return {
      kind: 'held',
      reason: isApiError(error) ? error.message : 'The instance list could not be read.',
    }
  }
  const check = autoRentCheck({
    armed,
    offer,
    guards: readSpendGuards(),
    existingInstances: count,
  })
  if (!check.ok) return { kind: 'held', reason: check.reason }
  if (!disarm()) return { kind: 'held', reason: 'Another tab is renting for this watch.' }
  const what = `${offer.gpu_name} (offer ${offer.id}) at ${formatPrice(check.perHour)}/hr`
  try {
    const result = await rentOffer(offer.id, {
      disk: armed.diskGb,
      image: armed.image,
      runtype: 'ssh',
    })
    return { kind: 'done', outcome: `Rented ${what}: instance ${result.instanceId}.` }
  } catch (error) {
    if (!isApiError(error) || !AMBIGUOUS.has(error.kind))
      return {
        kind: 'done',
        outcome: `Rent it for me failed for ${what}: ${isApiError(error) ? error.message : 'unknown error'}. Not retried.`,
      }
    const found = await checkRentOutcome(client, offer.machine_id, before)
    return {
      kind: 'done',
      outcome:
        found.kind === 'appeared'
          ? `Rented ${what}: instance ${found.instanceId} (the answer was lost; found in the list).`
          : found.kind === 'absent'
            ? `Rent it for me did not rent ${what}: the answer was lost and no new instance is listed. Not retried.`
            : `Rent it for me may have rented ${what}: check the Instances list. Not retried.`,
    }
  } finally {
    void client.invalidateQueries({ queryKey: instanceQueries.all() })
  }
}
