/**
 * The combined view's arithmetic: each held account's spending and runway, the total across
 * them, and every instance marked with its account. Credit is not pooled on Vast, so runway is
 * per account; the total's runway is that of the account that runs out first.
 */
import { uiStatus } from '../domain/instance-status'
import type { Instance } from '../api/instances/schemas'
import { burnOf, burnRate, runwayHours, type Burn } from '../domain/money/burn'

export interface AccountSlice {
  id: string
  label: string
  active: boolean
  /** Null while loading or when the account could not be read. */
  credit: number | null
  /** Null while loading or when the list could not be read. */
  instances: readonly Instance[] | null
  /** Why this account's figures are missing, if they are. */
  error: string | null
}

export interface AccountSummaryRow {
  account: AccountSlice
  burn: Burn | null
  runway: number | null
  running: number
  total: number
}

export interface MarkedInstance {
  account: AccountSlice
  instance: Instance
  perHour: number
}

export interface Combined {
  rows: AccountSummaryRow[]
  /** Sum over the accounts whose lists were read. */
  perHour: number
  credit: number
  /** The shortest runway of any spending account (credit is per account). */
  firstRunOut: { label: string; hours: number } | null
  /** Accounts whose figures are missing from the totals. */
  incomplete: number
  instances: MarkedInstance[]
}

export function combineAccounts(slices: readonly AccountSlice[]): Combined {
  const rows: AccountSummaryRow[] = []
  const instances: MarkedInstance[] = []
  let perHour = 0
  let credit = 0
  let incomplete = 0
  let firstRunOut: Combined['firstRunOut'] = null
  for (const account of slices) {
    if (account.instances === null || account.credit === null) incomplete += 1
    if (account.credit !== null) credit += account.credit
    if (account.instances === null) {
      rows.push({ account, burn: null, runway: null, running: 0, total: 0 })
      continue
    }
    const burn = burnRate(account.instances)
    const runway = runwayHours(account.credit, burn.perHour)
    perHour += burn.perHour
    if (runway !== null && Number.isFinite(runway) && burn.perHour > 0) {
      if (firstRunOut === null || runway < firstRunOut.hours)
        firstRunOut = { label: account.label, hours: runway }
    }
    rows.push({
      account,
      burn,
      runway,
      running: account.instances.filter((i) => uiStatus(i) === 'running').length,
      total: account.instances.length,
    })
    for (const instance of account.instances)
      instances.push({ account, instance, perHour: burnOf(instance).perHour })
  }
  instances.sort((a, b) => b.perHour - a.perHour || b.instance.id - a.instance.id)
  return { rows, perHour, credit, firstRunOut, incomplete, instances }
}
