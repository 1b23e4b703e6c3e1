import { useQuery } from '@tanstack/react-query'
import { useKeyHint, useKeyMode } from '../api/api-key-store'
import { accountQueries } from '../api/queries'
import { Button } from '../ui/button'
import { formatUsd } from '../ui/format'

export interface AccountPanelProps {
  onForget: () => void
}

/** The account line in the header: who, how much credit, and the way out. */
export function AccountPanel({ onForget }: AccountPanelProps) {
  const account = useQuery(accountQueries.current())
  const hint = useKeyHint()
  const demo = useKeyMode() === 'demo'
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      {demo && (
        <span className="rounded bg-amber-100 px-2 py-0.5 font-medium text-amber-900">
          Demo mode: simulated, no real money
        </span>
      )}
      {account.data ? (
        <>
          <span title="Account e-mail">
            {account.data.email ?? account.data.username ?? `Account ${account.data.id}`}
          </span>
          <span>
            Credit <strong className="font-semibold">{formatUsd(account.data.credit)}</strong>
          </span>
        </>
      ) : account.isError ? (
        <span className="text-red-800">Account unavailable: {account.error.message}</span>
      ) : (
        <span className="text-slate-600">Loading account…</span>
      )}
      {hint && <span className="text-slate-600">Key …{hint}</span>}
      <Button size="sm" onClick={onForget}>
        {demo ? 'Leave demo' : 'Forget key'}
      </Button>
    </div>
  )
}
