/**
 * "Rent it for me", the pure part: whether an armed watch may rent the offer it found. It rents
 * at most one instance, once, only at or under the armed $/hr (with the armed disk priced in)
 * and within the spend guards; anything else holds it.
 */
import { rentCost } from '../money/rent-cost'
import { guardViolations, type SpendGuards } from '../spend-guards'

/** What the user types to arm a watch. */
export const ARM_CONFIRM_WORD = 'ARM'

export interface ArmedRent {
  /** The worst case: the most $/hr (GPU and disk) the rental may cost. */
  maxPerHour: number
  diskGb: number
  image: string
}

export type AutoRentCheck = { ok: true; perHour: number } | { ok: false; reason: string }

export function autoRentCheck(input: {
  armed: ArmedRent
  offer: { dph_base: number; storage_cost: number }
  guards: SpendGuards
  /** Instances the account has now, or null when the list could not be read. */
  existingInstances: number | null
}): AutoRentCheck {
  const { armed, offer } = input
  if (input.existingInstances === null)
    return { ok: false, reason: 'The instance list could not be read.' }
  const perHour = rentCost({
    gpuPerHour: offer.dph_base,
    storageCostPerGbMonth: offer.storage_cost,
    diskGb: armed.diskGb,
  }).totalPerHour
  if (!(perHour <= armed.maxPerHour)) return { ok: false, reason: 'Above the armed price.' }
  const violations = guardViolations(input.guards, {
    perHour,
    existingInstances: input.existingInstances,
  })
  const first = violations[0]
  return first === undefined ? { ok: true, perHour } : { ok: false, reason: first }
}
