/**
 * Monthly budgets, per label (exact or prefix, e.g. `proj-a/`) or for the whole account: what has
 * been spent against each, the 80% warning, the 100% event and which instances an opted-in
 * auto-stop acts on.
 */
import type { Charge } from './ledger'

export interface Budget {
  id: string
  scope: 'account' | 'label'
  /** The label, or the prefix when `prefix` is set. Unused for the account. */
  label: string
  prefix: boolean
  /** Dollars per calendar month (UTC). */
  monthlyUsd: number
  /** Stop this label's running instances at 100% (labels only). */
  autoStop: boolean
}

export const WARN_AT = 0.8
export const OVER_AT = 1

export type BudgetLevel = 'ok' | 'warning' | 'over'

export function matchesLabel(budget: Budget, label: string | null | undefined): boolean {
  if (budget.scope === 'account') return true
  if (!label || !budget.label) return false
  return budget.prefix ? label.startsWith(budget.label) : label === budget.label
}

export function budgetSpent(budget: Budget, monthCharges: readonly Charge[]): number {
  let sum = 0
  for (const c of monthCharges) if (matchesLabel(budget, c.label)) sum += c.amount
  return sum
}

export function budgetLevel(spent: number, limit: number): BudgetLevel {
  if (!(limit > 0)) return 'ok'
  const used = spent / limit
  return used >= OVER_AT ? 'over' : used >= WARN_AT ? 'warning' : 'ok'
}

export interface BudgetState {
  budget: Budget
  spent: number
  used: number
  level: BudgetLevel
}

export function budgetStates(
  budgets: readonly Budget[],
  monthCharges: readonly Charge[],
): BudgetState[] {
  return budgets.map((budget) => {
    const spent = budgetSpent(budget, monthCharges)
    return {
      budget,
      spent,
      used: budget.monthlyUsd > 0 ? spent / budget.monthlyUsd : 0,
      level: budgetLevel(spent, budget.monthlyUsd),
    }
  })
}

export const budgetName = (b: Pick<Budget, 'scope' | 'label' | 'prefix'>) =>
  b.scope === 'account'
    ? 'Whole account'
    : b.prefix
      ? `Labels starting ${b.label}`
      : `Label ${b.label}`

export interface InstanceLike {
  id: number
  label: string | null | undefined
  /** Billing GPU time now (running or on its way). */
  running: boolean
}

/**
 * The instances an auto-stop acts on: a label budget that opted in, is over, and has not acted
 * this month yet (`actedMonth`) — its running instances with a matching label.
 */
export function autoStopTargets(
  state: BudgetState,
  instances: readonly InstanceLike[],
  month: string,
  actedMonth: string | undefined,
): number[] {
  const { budget } = state
  if (budget.scope !== 'label' || !budget.autoStop || state.level !== 'over') return []
  if (actedMonth === month) return []
  return instances.filter((i) => i.running && matchesLabel(budget, i.label)).map((i) => i.id)
}
