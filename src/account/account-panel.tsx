import { useQuery } from '@tanstack/react-query'
import { useEffect, useId } from 'react'
import {
  accountLabel,
  nameAccount,
  useAccounts,
  useActiveAccountId,
  useKeyHint,
  useKeyMode,
} from '../api/api-key-store'
import { accountQueries } from '../api/account/queries'
import { useAccountSwitch } from '../api/use-account-switch'
import { formatUsd } from '../domain/format'
import { spendable } from '../domain/money/burn'
import { accountName } from './key-fields'

/** The account line in the header: who, how much credit and which account (leaving is on the Account tab). */
export function AccountPanel() {
  const account = useQuery(accountQueries.current())
  const hint = useKeyHint()
  const demo = useKeyMode() === 'demo'
  const activeId = useActiveAccountId()
  const accounts = useAccounts()
  const switcherId = useId()
  const { switchTo } = useAccountSwitch()

  // A key saved by an earlier version (or whose e-mail changed) gets its name once verified.
  const verifiedName = account.data ? accountName(account.data) : null
  useEffect(() => {
    if (activeId && verifiedName && !demo) nameAccount(activeId, verifiedName)
  }, [activeId, verifiedName, demo])

  return (
    // On a phone the line has a row of its own and never wraps (the e-mail is cut short), so the
    // account's arrival does not push the page down.
    <div className="flex min-w-0 basis-full flex-nowrap items-center gap-x-4 gap-y-1 text-sm whitespace-nowrap sm:basis-auto sm:flex-wrap sm:whitespace-normal">
      {demo && (
        <span className="rounded bg-warning-muted px-2 py-0.5 font-medium text-warning-text">
          Demo mode<span className="hidden sm:inline">: simulated, no real money</span>
        </span>
      )}
      {accounts.length > 1 && (
        <span className="flex items-center gap-2">
          <label htmlFor={switcherId} className="font-medium text-text-soft">
            Account
          </label>
          <select
            id={switcherId}
            className="rounded-md border border-border-strong bg-surface px-2 py-1 text-sm"
            value={activeId ?? ''}
            onChange={(e) => switchTo(e.target.value)}
          >
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {accountLabel(a)}
              </option>
            ))}
          </select>
        </span>
      )}
      {account.data ? (
        <>
          {accounts.length <= 1 && (
            <span title="Account e-mail" className="min-w-0 truncate">
              {accountName(account.data)}
            </span>
          )}
          <AccountMoney credit={account.data.credit} balance={account.data.balance} />
        </>
      ) : account.isError ? (
        <span className="text-danger-text">Account unavailable: {account.error.message}</span>
      ) : (
        <span className="text-muted">Loading account…</span>
      )}
      {hint && <span className="hidden text-muted lg:inline">Key …{hint}</span>}
    </div>
  )
}

/** Each money field Vast sent, under Vast's own name; the runway uses `credit`, else `balance`. */
function AccountMoney({ credit, balance }: { credit?: number | null; balance?: number | null }) {
  const money = spendable({ credit, balance })
  if (!money) return <span className="text-muted">Vast did not send a balance</span>
  const sent: { field: 'credit' | 'balance'; value: number }[] = []
  if (credit != null) sent.push({ field: 'credit', value: credit })
  if (balance != null) sent.push({ field: 'balance', value: balance })
  return (
    <>
      {sent.map(({ field, value }) => (
        <span key={field} title={field === money.field ? 'The runway uses this figure' : undefined}>
          {field === 'credit' ? 'Credit' : 'Balance'}{' '}
          <strong className="font-semibold">{formatUsd(value)}</strong>
          {sent.length > 1 && field === money.field && (
            <span className="text-muted"> (runway)</span>
          )}
        </span>
      ))}
    </>
  )
}
