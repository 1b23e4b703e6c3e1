import { useQueries, useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { accountLabel, useAccounts, type AccountSummary } from '../api/api-key-store'
import { statusLabel } from '../domain/instance-status'
import { accountQueries, otherAccountQueries } from '../api/account/queries'
import { instanceQueries } from '../api/instances/queries'
import { useAccountSwitch } from '../api/use-account-switch'
import { Button } from '../ui/button'
import { ColumnHeads } from '../ui/column-heads'
import { PHONE_QUERY, useMediaQuery } from '../ui/use-media-query'
import { formatRate, formatUsd } from '../domain/format'
import { combineAccounts, type AccountSlice } from './all-accounts'
import { formatRunway, spendable } from '../domain/money/burn'
import { gpuText, instanceTitle } from './instance-view'

/**
 * One view of every held account: spending, credit and runway per account and in total, and
 * every instance marked with its account. The active account's figures come from the same
 * queries the rest of the page uses; the others are read with their own keys once a minute.
 * Managing an instance means switching to its account (one click), so every action keeps going
 * through that account's key and confirmations.
 */
export function AllAccountsView() {
  const accounts = useAccounts()
  if (accounts.length < 2) return null
  return <CombinedAccounts accounts={accounts} />
}

function CombinedAccounts({ accounts }: { accounts: readonly AccountSummary[] }) {
  const headingId = useId()
  const phone = useMediaQuery(PHONE_QUERY)
  const { switchTo } = useAccountSwitch()
  const activeList = useQuery({ ...instanceQueries.list(), refetchOnMount: false })
  const activeAccount = useQuery({ ...accountQueries.current(), refetchOnMount: false })
  const others = accounts.filter((a) => !a.active)
  const otherLists = useQueries({ queries: others.map((a) => otherAccountQueries.instances(a.id)) })
  const otherCredit = useQueries({ queries: others.map((a) => otherAccountQueries.account(a.id)) })

  const slices: AccountSlice[] = accounts.map((a) => {
    const i = others.indexOf(a)
    const list = a.active ? activeList : otherLists[i]
    const credit = a.active ? activeAccount : otherCredit[i]
    const error = list?.error ?? credit?.error ?? null
    return {
      id: a.id,
      label: accountLabel(a),
      active: a.active,
      credit: credit?.data ? (spendable(credit.data)?.amount ?? null) : null,
      instances: list?.data?.instances ?? null,
      error: error ? error.message : null,
    }
  })
  const combined = combineAccounts(slices)

  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-3"
    >
      <h2 id={headingId} className="text-base font-semibold">
        All accounts
      </h2>
      <p className="text-sm text-text-soft">
        Spending now across {accounts.length} accounts:{' '}
        <strong>{formatRate(combined.perHour)}</strong> ({formatUsd(combined.perHour * 24)} a day),
        credit {formatUsd(combined.credit)}.
        {combined.firstRunOut &&
          ` First to run out: ${combined.firstRunOut.label} in ${formatRunway(combined.firstRunOut.hours)}.`}
        {combined.incomplete > 0 &&
          ` ${combined.incomplete} account${combined.incomplete === 1 ? ' is' : 's are'} not included yet.`}
      </p>
      {/* On a phone the tables wait behind one tap, so the active account's instances show. */}
      <details open={!phone}>
        <summary className="cursor-pointer text-sm font-medium text-text">
          Per account, and every instance
        </summary>
        <div className="mt-2 flex flex-col gap-3">
          <div className="relative overflow-x-auto">
            <table className="w-full text-left text-sm whitespace-nowrap">
              <caption className="sr-only">Spending per account</caption>
              <ColumnHeads
                className="text-xs text-muted"
                columns={[
                  'Account',
                  'Credit',
                  'Spending now',
                  'Runway',
                  'Instances',
                  { label: 'Actions', hidden: true },
                ]}
              />
              <tbody>
                {combined.rows.map(({ account, burn, runway, running, total }) => (
                  <tr key={account.id} className="border-t border-border-subtle">
                    <th scope="row" className="py-1 pr-3 font-medium">
                      {account.label}
                      {account.active && (
                        <span className="ml-2 text-xs text-accent-text">(active)</span>
                      )}
                    </th>
                    <td className="py-1 pr-3">
                      {account.credit === null ? '—' : formatUsd(account.credit)}
                    </td>
                    <td className="py-1 pr-3">{burn ? formatRate(burn.perHour) : '—'}</td>
                    <td className="py-1 pr-3">{formatRunway(runway)}</td>
                    <td className="py-1 pr-3">
                      {account.error ? (
                        <span className="text-danger-text">
                          Couldn&apos;t read: {account.error}
                        </span>
                      ) : account.instances === null ? (
                        'Loading…'
                      ) : (
                        `${running} running of ${total}`
                      )}
                    </td>
                    <td className="py-1">
                      {!account.active && (
                        <Button
                          size="sm"
                          onClick={() => switchTo(account.id)}
                          aria-label={`Switch to ${account.label}`}
                        >
                          Switch to manage
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {/* Closed at first: the active account's own instances come next on the page. */}
          {combined.instances.length > 0 && (
            <details>
              <summary className="cursor-pointer text-sm font-medium text-text">
                Every instance in every account ({combined.instances.length})
              </summary>
              <div className="relative overflow-x-auto">
                <table className="w-full text-left text-sm whitespace-nowrap">
                  <caption className="sr-only">Instances in every account</caption>
                  <ColumnHeads
                    className="text-xs text-muted"
                    columns={['Account', 'Instance', 'Status', 'GPU', 'Billing now']}
                  />
                  <tbody>
                    {combined.instances.map(({ account, instance, perHour }) => (
                      <tr
                        key={`${account.id}-${instance.id}`}
                        className="border-t border-border-subtle"
                      >
                        <td className="py-1 pr-3">{account.label}</td>
                        <th scope="row" className="py-1 pr-3 font-medium">
                          {instanceTitle(instance)}
                        </th>
                        <td className="py-1 pr-3">{statusLabel(instance)}</td>
                        <td className="py-1 pr-3">{gpuText(instance)}</td>
                        <td className="py-1">{formatRate(perHour)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          )}
        </div>
      </details>
    </section>
  )
}
