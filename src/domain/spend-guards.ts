/**
 * Spend guards: a $/hr cap per rental and a cap on concurrent instances. Exceeding one does not
 * block a rental; it asks for a typed confirmation. (Kept on this device by api/spend-guards-store.)
 */
import { formatRate } from './format'

export interface SpendGuards {
  /** $/hr all in for one rental; null = no cap. */
  maxPerHour: number | null
  /** Instances at once (every listed instance counts: each bills at least storage); null = no cap. */
  maxInstances: number | null
}

export const NO_GUARDS: SpendGuards = { maxPerHour: null, maxInstances: null }

/** The word the user types to rent past a guard. */
export const GUARD_CONFIRM_WORD = 'RENT'

/** Sentences for every guard this rental exceeds (empty when none). */
export function guardViolations(
  guards: SpendGuards,
  rental: { perHour: number | null; existingInstances: number | null },
): string[] {
  const out: string[] = []
  if (guards.maxPerHour !== null && rental.perHour !== null && rental.perHour > guards.maxPerHour) {
    out.push(
      `This rental costs ${formatRate(rental.perHour)}, above your cap of ${formatRate(guards.maxPerHour)}.`,
    )
  }
  if (guards.maxInstances !== null) {
    if (rental.existingInstances === null) {
      out.push(
        `Your instances could not be counted, so the cap of ${guards.maxInstances} instances cannot be checked.`,
      )
    } else if (rental.existingInstances + 1 > guards.maxInstances) {
      out.push(
        `This would be instance ${rental.existingInstances + 1}, above your cap of ${guards.maxInstances} at once.`,
      )
    }
  }
  return out
}
