import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { accountQueries } from '../api/account/queries'
import type { Instance } from '../api/instances/schemas'
import { cn } from '../ui/cn'
import { formatRate, formatUsd } from '../domain/format'
import { burnRate, formatRunway, runwayHours } from '../domain/money/burn'
import { LOW_RUNWAY_HOURS } from '../domain/fleet'

function Figure({ term, value, note }: { term: string; value: string; note?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted">{term}</dt>
      <dd className="text-lg font-semibold text-text">{value}</dd>
      {note && <dd className="text-xs text-muted">{note}</dd>}
    </div>
  )
}

/** Credit, what every instance bills per hour now (GPUs + all storage) and the runway at that rate. */
export function BurnHeader({ instances }: { instances: readonly Instance[] }) {
  const headingId = useId()
  // Shares the header's account query: no extra fetch on mount, then a refresh every minute so
  // the credit follows what is being billed.
  const account = useQuery({
    ...accountQueries.current(),
    refetchOnMount: false,
    refetchInterval: 60_000,
  })
  const burn = burnRate(instances)
  const credit = account.data?.credit ?? null
  const runway = runwayHours(credit, burn.perHour)
  const low = runway !== null && runway < LOW_RUNWAY_HOURS && burn.perHour > 0
  return (
    <section
      aria-labelledby={headingId}
      className={cn(
        'rounded-lg border p-3',
        low ? 'border-danger-border bg-danger-soft' : 'border-border bg-surface',
      )}
    >
      <h2 id={headingId} className="sr-only">
        Spending
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Figure
          term="Credit"
          value={credit === null ? (account.isError ? 'unavailable' : '…') : formatUsd(credit)}
        />
        <Figure
          term="Spending now"
          value={formatRate(burn.perHour)}
          note={`GPUs ${formatRate(burn.gpuPerHour)} (${burn.gpuCount} billing) · storage ${formatRate(burn.storagePerHour)}`}
        />
        <Figure term="Per day at this rate" value={formatUsd(burn.perHour * 24)} />
        <Figure
          term="Runway"
          value={formatRunway(runway)}
          note={runway === null || runway === Infinity ? undefined : 'until the credit runs out'}
        />
      </dl>
      {burn.unknown > 0 && (
        <p className="mt-2 text-xs text-warning-text">
          {burn.unknown === 1 ? '1 instance has' : `${burn.unknown} instances have`} no price in the
          API answer: the spend shown is a floor.
        </p>
      )}
      {low && (
        <p className="mt-2 text-sm font-medium text-danger-text">
          Credit runs out in {formatRunway(runway)} at this rate. Vast stops instances at $0 and
          later deletes them.
        </p>
      )}
    </section>
  )
}
