/**
 * The header's budget line: reads this month's charges while any budget is set, warns at 80%,
 * raises an event at 100% and, for a label budget that opted in, stops that label's running
 * instances — without asking (the user confirmed when turning it on), once per budget and month.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import { chargeQueries } from '../api/charges/queries'
import { stopInstance } from '../api/instances/endpoints'
import { canStop } from '../domain/instance-status'
import { instanceQueries } from '../api/instances/queries'
import { useRestoredAt } from '../api/device-cache'
import {
  autoStopTargets,
  budgetName,
  budgetStates,
  type BudgetState,
} from '../domain/spending/budgets'
import { dayOf, monthOf } from '../domain/spending/range'
import { Notice } from '../ui/notice'
import { showToast } from '../ui/toast-store'
import { formatUsd } from '../domain/format'
import { useClock } from './use-clock'
import {
  logBudget,
  markActed,
  markNotified,
  readActed,
  readNotified,
  useBudgets,
} from './budget-store'

export interface BudgetEvent {
  kind: 'over' | 'stopped'
  text: string
  /** Instances an auto-stop stopped. */
  ids: number[]
}

/** Budget ids whose auto-stop is running now: a second render cannot start it again. */
const inFlight = new Set<string>()

async function runAutoStop(
  state: BudgetState,
  ids: number[],
  month: string,
  onEvent: (e: BudgetEvent) => void,
  invalidate: () => Promise<void>,
): Promise<void> {
  const { budget } = state
  if (inFlight.has(budget.id) || readActed(budget.id) === month) return
  inFlight.add(budget.id)
  // Marked before the first call: whatever happens next, this budget does not act again this month.
  markActed(budget.id, month)
  const stopped: number[] = []
  const failed: number[] = []
  for (const id of ids) {
    try {
      await stopInstance(id)
      stopped.push(id)
    } catch {
      failed.push(id)
    }
  }
  inFlight.delete(budget.id)
  const text =
    `${budgetName(budget)} reached ${formatUsd(state.spent)} of ${formatUsd(budget.monthlyUsd)}: ` +
    (stopped.length
      ? `stopped instance${stopped.length === 1 ? '' : 's'} ${stopped.join(', ')}`
      : 'stopped nothing') +
    (failed.length ? `; could not stop ${failed.join(', ')}` : '') +
    '.'
  logBudget(text)
  showToast(text, failed.length ? 'error' : 'info')
  onEvent({ kind: 'stopped', text, ids: stopped })
  await invalidate()
}

/**
 * Every budget with this month's spend against it. Until the month's charges have loaded, each
 * counts $0 (`loaded` false): nothing warns or acts on a guess.
 */
export function useBudgetStates(): { states: BudgetState[]; month: string; loaded: boolean } {
  const budgets = useBudgets()
  const month = monthOf(dayOf(useClock()))
  const charges = useQuery({ ...chargeQueries.month(), enabled: budgets.length > 0 })
  const data = charges.data
  const states = useMemo(() => budgetStates(budgets, data?.charges ?? []), [budgets, data])
  return { states, month, loaded: data !== undefined }
}

/** Placed by the app in the header; shows nothing until a budget is at 80%. */
export function BudgetWatch({ onEvent }: { onEvent: (event: BudgetEvent) => void }) {
  const { states: all, month, loaded } = useBudgetStates()
  const states = useMemo(() => (loaded ? all : []), [loaded, all])
  const queryClient = useQueryClient()
  const wantsStop = states.some((s) => s.level === 'over' && s.budget.autoStop)
  const instances = useQuery({ ...instanceQueries.list(), enabled: wantsStop })
  // Auto-stop acts on Vast's current list only, never on the one kept on the device.
  const saved = useRestoredAt(instanceQueries.list().queryKey) !== null

  useEffect(() => {
    for (const state of states) {
      if (state.level !== 'over' || readNotified(state.budget.id) === month) continue
      markNotified(state.budget.id, month)
      const text = `${budgetName(state.budget)} is at ${Math.round(state.used * 100)}% of its ${formatUsd(state.budget.monthlyUsd)} monthly budget.`
      logBudget(text)
      onEvent({ kind: 'over', text, ids: [] })
    }
  }, [states, month, onEvent])

  useEffect(() => {
    const list = instances.data?.instances
    if (!list || saved) return
    const shaped = list.map((i) => ({ id: i.id, label: i.label, running: canStop(i) }))
    for (const state of states) {
      const ids = autoStopTargets(state, shaped, month, readActed(state.budget.id))
      if (state.level === 'over' && state.budget.autoStop && readActed(state.budget.id) !== month)
        void runAutoStop(state, ids, month, onEvent, () =>
          queryClient.invalidateQueries({ queryKey: instanceQueries.all() }),
        )
    }
  }, [states, instances.data, saved, month, onEvent, queryClient])

  const warn = states.filter((s) => s.level !== 'ok')
  if (warn.length === 0) return null
  return (
    <Notice as="p" role="status" tone="warning">
      {warn
        .map(
          (s) =>
            `${budgetName(s.budget)}: ${Math.round(s.used * 100)}% of ${formatUsd(s.budget.monthlyUsd)} this month${s.level === 'over' ? ' (over budget)' : ''}`,
        )
        .join(' · ')}
    </Notice>
  )
}
