/**
 * Rental plans: for each rental made from the rent dialog, what was asked (the search it came
 * from and the settings sent), its boot deadline and whether it may fall back automatically. The
 * instance card reads it to say a rental is late and to rent the next best match instead. Kept
 * in localStorage so every tab shares it, and so the once-only claim holds across tabs; a plan
 * is dropped once its instance has run or is no longer listed.
 */
import { create } from 'zustand'
import * as z from 'zod/mini'
import type { BundlesQuery } from './offers/bundles-query'
import type { RentInput } from './offers/endpoints'

const STORAGE_KEY = 'vast-console.rental-plans.v1'
const MAX_PLANS = 20

export interface RentalPlan {
  instanceId: number
  offerId: number
  machineId: number | null
  model: string
  /** $/hr all in, as the rent dialog showed it. */
  perHour: number
  /** When the rental was answered (this browser's clock, ms). */
  rentedAt: number
  deadlineSeconds: number
  /** The usual boot the deadline came from (seconds), or null when none was measured here. */
  usualSeconds: number | null
  /** The search the offer came from: the fallback re-runs it. */
  query: BundlesQuery
  /** What was sent: the fallback sends the same to the next best match. */
  input: RentInput
  /** The user opted in to the automatic fallback (once). */
  auto: boolean
  /** The one fallback of this rental has been claimed (by hand or automatically, in any tab). */
  spent: boolean
}

const scalar = z.union([z.number(), z.boolean(), z.string(), z.null()])
const querySchema = z.object({
  filters: z.record(
    z.string(),
    z.partialRecord(
      z.enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'notin']),
      z.union([scalar, z.array(scalar)]),
    ),
  ),
  order: z.array(z.tuple([z.string(), z.enum(['asc', 'desc'])])),
  type: z.enum(['on-demand', 'bid', 'reserved']),
  limit: z.number(),
  allocatedStorage: z.number(),
})
const inputSchema = z.object({
  image: z.optional(z.string()),
  templateHashId: z.optional(z.string()),
  disk: z.number(),
  label: z.optional(z.string()),
  runtype: z.enum(['ssh', 'jupyter']),
  price: z.optional(z.number()),
  onstart: z.optional(z.string()),
  env: z.optional(z.record(z.string(), z.string())),
  cancelUnavail: z.optional(z.boolean()),
})
const planSchema = z.object({
  instanceId: z.number(),
  offerId: z.number(),
  machineId: z.nullable(z.number()),
  model: z.string(),
  perHour: z.number(),
  rentedAt: z.number(),
  deadlineSeconds: z.number(),
  usualSeconds: z.nullable(z.number()),
  query: querySchema,
  input: inputSchema,
  auto: z.boolean(),
  spent: z.boolean(),
})

/** The plans as stored now (read afresh: another tab may have claimed one). */
export function readPlans(): RentalPlan[] {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]')
    const items: unknown[] = Array.isArray(value) ? value : []
    return items.flatMap((item) => {
      const parsed = z.safeParse(planSchema, item)
      return parsed.success ? [parsed.data] : []
    })
  } catch {
    return []
  }
}

const store = create<{ plans: RentalPlan[] }>()(() => ({
  plans: typeof window === 'undefined' ? [] : readPlans(),
}))

function write(plans: RentalPlan[]): void {
  store.setState({ plans })
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(plans))
  } catch {
    // Storage full or blocked: the plans last for this page only.
  }
}

/** Remembers a rental just made (the newest MAX_PLANS are kept). */
export function rememberRental(plan: RentalPlan): void {
  write([...readPlans().filter((p) => p.instanceId !== plan.instanceId), plan].slice(-MAX_PLANS))
}

/**
 * Claims the one fallback of a rental: true for the first caller in any tab, false once claimed
 * (or when the plan is gone). Claimed before anything is sent, so it never fires twice.
 */
export function claimFallback(instanceId: number): boolean {
  const plans = readPlans()
  const plan = plans.find((p) => p.instanceId === instanceId)
  if (!plan || plan.spent) return false
  write(plans.map((p) => (p.instanceId === instanceId ? { ...p, spent: true } : p)))
  return true
}

/** Forgets the plans of instances that have run, or are no longer listed. */
export function forgetPlans(instanceIds: ReadonlySet<number>): void {
  const plans = readPlans()
  const kept = plans.filter((p) => !instanceIds.has(p.instanceId))
  if (kept.length !== plans.length) write(kept)
}

export const usePlan = (instanceId: number): RentalPlan | undefined =>
  store((s) => s.plans.find((p) => p.instanceId === instanceId))

/** Follows another tab's changes (a `storage` event listener). */
export function followPlans(event: StorageEvent): void {
  if (event.key === STORAGE_KEY) store.setState({ plans: readPlans() })
}

/** Tests: no plans. */
export function resetPlans(): void {
  write([])
}
