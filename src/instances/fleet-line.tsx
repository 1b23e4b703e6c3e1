import { useQuery } from '@tanstack/react-query'
import type { MouseEvent } from 'react'
import { accountQueries } from '../api/account/queries'
import type { Instance } from '../api/instances/schemas'
import { formatRate } from '../domain/format'
import { fleetSummary } from '../domain/fleet'
import { formatRunway } from '../domain/money/burn'
import { cn } from '../ui/cn'

/**
 * The fleet in one line, in the header on every tab: running count, $/hr now, runway and what
 * stopped instances still bill. Red under a day of runway. It links to the Instances tab.
 */
export function FleetLine({
  instances,
  onOpen,
}: {
  instances: readonly Instance[] | undefined
  onOpen: () => void
}) {
  // Shares the account panel's query: no extra fetch on mount, then every minute.
  const account = useQuery({
    ...accountQueries.current(),
    refetchOnMount: false,
    refetchInterval: 60_000,
  })
  if (!instances) return null
  const fleet = fleetSummary(instances, account.data?.credit ?? null)
  const parts = [
    `${fleet.running} running`,
    `${fleet.unknown > 0 ? '≥ ' : ''}${formatRate(fleet.perHour)} now`,
    `runway ${formatRunway(fleet.runway)}`,
  ]
  if (fleet.stopped > 0)
    parts.push(`${fleet.stopped} stopped, still billing ${formatRate(fleet.stoppedPerDay, 'day')}`)
  const text = parts.join(' · ')
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return
    event.preventDefault()
    onOpen()
  }
  return (
    <a
      href="?tab=instances"
      onClick={open}
      aria-label={`Fleet: ${text}${fleet.low ? ' (credit runs out within a day)' : ''}. Open Instances`}
      title={text}
      className={cn(
        // One line: on a narrow screen the end is cut (the whole text is its name and title).
        'min-w-0 truncate rounded-md border px-3 py-1 text-sm hover:underline',
        fleet.low
          ? 'border-danger-border bg-danger-soft font-medium text-danger-text'
          : 'border-border bg-surface-sunken text-text',
      )}
    >
      {text}
    </a>
  )
}
