/**
 * The automatic path of rent with fallback: a rental that opted in and is not running by its
 * deadline is destroyed and the next best match rented, once. It reads the instance list afresh
 * first, so a rejected key or a failing Vast holds it (nothing is sent, it tries again later);
 * it claims the rental's one fallback before the first write, so no tab fires it twice.
 */
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { create } from 'zustand'
import { isApiError } from '../../api/errors'
import { instanceQueries } from '../../api/instances/queries'
import type { Instance } from '../../api/instances/schemas'
import {
  claimFallback,
  followPlans,
  forgetPlans,
  readPlans,
  type RentalPlan,
} from '../../api/rental-plans-store'
import { readInstancesAfresh } from '../../api/rent-outcome'
import { readObservedMap } from '../../api/status-history-store'
import { autoFallbackDecision, bootOverdue } from '../../domain/market/boot-fallback'
import { uiStatus } from '../../domain/instance-status'
import type { InstanceEvent } from '../../api/status-history-store'
import { showToast } from '../../ui/toast-store'
import { useDeliverEvents } from '../inbox-store'
import { findNextBest, replaceRental } from './replace-rental'

/** How often the runner looks for a late rental. */
const TICK_MS = 15_000
/** A held rental is looked at again after this long (its search spends the bundles budget). */
const RETRY_MS = 60_000

/** Why an opted-in rental's automatic fallback is waiting, per instance (for its card). */
const held = create<{ reasons: Record<number, string> }>()(() => ({ reasons: {} }))
export const useHeldReason = (id: number): string | undefined => held((s) => s.reasons[id])
function hold(id: number, reason: string | null): void {
  const { [id]: _gone, ...rest } = held.getState().reasons
  held.setState({ reasons: reason === null ? rest : { ...rest, [id]: reason } })
}

const everRan = (id: number) =>
  readObservedMap()[String(id)]?.history.some((s) => s.status === 'running') ?? false

export const isOverdue = (plan: RentalPlan, instance: Instance, now = Date.now()) =>
  bootOverdue({
    rentedAt: plan.rentedAt,
    deadlineSeconds: plan.deadlineSeconds,
    now,
    status: uiStatus(instance),
    everRan: everRan(instance.id),
  })

const nextTry = new Map<number, number>()
let running = false

/**
 * One pass: every opted-in, unclaimed rental past its deadline gets its fallback, one at a time.
 * Returns the events raised. Plans of instances that ran, or are no longer listed, are dropped.
 */
export async function runAutoFallbacks(client: QueryClient, now = Date.now()) {
  const events: InstanceEvent[] = []
  if (running) return events
  running = true
  try {
    const key = instanceQueries.list().queryKey
    const cached = client.getQueryData(key)
    if (!cached) return events
    const readAt = client.getQueryState(key)?.dataUpdatedAt ?? 0
    const listed = new Map(cached.instances.map((i) => [i.id, i]))
    // Not listed by a complete list read after the rental: gone (a list from before it is not).
    const done = readPlans().filter(
      (p) =>
        everRan(p.instanceId) ||
        (!listed.has(p.instanceId) && !cached.truncated && readAt > p.rentedAt),
    )
    forgetPlans(new Set(done.map((p) => p.instanceId)))
    for (const plan of readPlans()) {
      const instance = listed.get(plan.instanceId)
      if (!instance || (nextTry.get(plan.instanceId) ?? 0) > now) continue
      const overdue = isOverdue(plan, instance, now)
      if (!autoFallbackDecision({ ...plan, overdue, listError: null }).fire) continue
      const event = await fallBackOnce(client, plan, now)
      if (event) events.push(event)
    }
  } finally {
    running = false
  }
  return events
}

async function fallBackOnce(client: QueryClient, plan: RentalPlan, now: number) {
  const id = plan.instanceId
  nextTry.set(id, now + RETRY_MS)
  let fresh: Instance[]
  let listError: string | null = null
  try {
    fresh = (await readInstancesAfresh(client)).instances
  } catch (error) {
    fresh = []
    listError = isApiError(error) ? error.message : 'the instance list could not be read'
  }
  const instance = fresh.find((i) => i.id === id)
  const overdue = listError !== null || (instance !== undefined && isOverdue(plan, instance, now))
  const decision = autoFallbackDecision({ ...plan, overdue, listError })
  if (!decision.fire) {
    hold(id, decision.reason)
    return null
  }
  const found = await findNextBest(plan, fresh.length)
  if (found.kind === 'held') {
    hold(id, found.reason)
    return null
  }
  if (!claimFallback(id)) return null
  hold(id, null)
  const outcome = await replaceRental(client, plan, found.match)
  showToast(`Instance ${id} was not running by its boot deadline: ${outcome.text}`, 'info')
  return { id, kind: 'boot_fallback', at: Date.now(), note: outcome.text } satisfies InstanceEvent
}

/** Looks for late rentals every few seconds while the app is open. */
export function useAutoFallback(): void {
  const client = useQueryClient()
  const deliver = useDeliverEvents()
  useEffect(() => {
    const tick = () =>
      void runAutoFallbacks(client).then((events) => {
        if (events.length > 0) deliver(events)
      })
    const timer = window.setInterval(tick, TICK_MS)
    window.addEventListener('storage', followPlans)
    return () => {
      window.clearInterval(timer)
      window.removeEventListener('storage', followPlans)
    }
  }, [client, deliver])
}

/** Mounted once by the app. Renders nothing. */
export function AutoFallback() {
  useAutoFallback()
  return null
}

/** Tests: forget held reasons and retry times. */
export function resetAutoFallback(): void {
  nextTry.clear()
  held.setState({ reasons: {} })
}
