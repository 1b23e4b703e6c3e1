/**
 * Spend guards (a setting kept on this device): a $/hr cap per rental and a cap on concurrent
 * instances. Exceeding one does not block a rental; it asks for a typed confirmation.
 */
import { create } from 'zustand'
import * as z from 'zod/mini'

const STORAGE_KEY = 'vast-console.spend-guards.v1'

export interface SpendGuards {
  /** $/hr all in for one rental; null = no cap. */
  maxPerHour: number | null
  /** Instances at once (every listed instance counts: each bills at least storage); null = no cap. */
  maxInstances: number | null
}

const guardsSchema = z.object({
  maxPerHour: z.nullable(z.number().check(z.gt(0))),
  maxInstances: z.nullable(z.int().check(z.gte(1))),
})

export const NO_GUARDS: SpendGuards = { maxPerHour: null, maxInstances: null }

function load(): SpendGuards {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY)
    if (!raw) return NO_GUARDS
    const parsed = z.safeParse(guardsSchema, JSON.parse(raw))
    return parsed.success ? parsed.data : NO_GUARDS
  } catch {
    return NO_GUARDS
  }
}

const store = create<SpendGuards>()(() => (typeof window === 'undefined' ? NO_GUARDS : load()))

export const useSpendGuards = () => store((s) => s)
export const readSpendGuards = (): SpendGuards => store.getState()

export function saveSpendGuards(guards: SpendGuards): void {
  store.setState(guards)
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(guards))
  } catch {
    // kept in memory only
  }
}

/** Tests only: re-read storage as a fresh page load would. */
export const reloadSpendGuards = () => store.setState(load())

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
      `This rental costs $${rental.perHour.toFixed(3)}/hr, above your cap of $${guards.maxPerHour.toFixed(3)}/hr.`,
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
