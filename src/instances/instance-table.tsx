import { Fragment, useEffect, useId, useRef, useState } from 'react'
import { sshCommand, uiStatus } from '../domain/instance-status'
import { stripAutoStopMarker } from '../domain/auto-stop'
import type { Instance } from '../api/instances/schemas'
import { formatPrice } from '../domain/format'
import { Button } from '../ui/button'
import { cn } from '../ui/cn'
import { ageText } from './figures'
import { InstanceCard } from './instance-card'
import { gpuText } from './instance-view'
import { copyText } from './ssh-command'
import { StatusDot } from './status-dot'
import { BootFallback } from './fallback/boot-fallback'
import { useInstanceActions } from './use-instance-actions'
import { useNow } from '../ui/use-now'

export interface InstanceTableProps {
  instances: readonly Instance[]
  /** Expanded, scrolled to and focused once listed (the instance just rented). */
  highlightId: number | null
  selectedIds: ReadonlySet<number>
  onSelectedChange: (id: number, selected: boolean) => void
  /** Names the table. */
  labelledBy: string
}

/**
 * One row per instance: status, GPU-first title, $/hr, age, SSH copy, Stop/Start and Destroy. A
 * row expands into the full card. On a phone the row keeps status, title, price and the actions.
 */
export function InstanceTable({
  instances,
  highlightId,
  selectedIds,
  onSelectedChange,
  labelledBy,
}: InstanceTableProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() =>
    highlightId === null ? new Set() : new Set([highlightId]),
  )
  const [prevHighlight, setPrevHighlight] = useState(highlightId)
  if (highlightId !== prevHighlight) {
    setPrevHighlight(highlightId)
    if (highlightId !== null) setExpanded((prev) => new Set(prev).add(highlightId))
  }
  const toggle = (id: number) =>
    setExpanded((prev) => {
      const next = new Set(prev)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  const now = useNow(60_000)
  return (
    <div className="relative overflow-x-auto rounded-lg border border-border bg-surface">
      <table aria-labelledby={labelledBy} className="w-full text-left text-sm">
        <thead className="border-b border-border bg-surface-muted text-xs text-muted">
          <tr>
            <th scope="col" className="hidden w-8 px-2 py-2 sm:table-cell">
              <span className="sr-only">Select</span>
            </th>
            <th scope="col" className="hidden px-2 py-2 font-medium sm:table-cell">
              Status
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              Instance
            </th>
            <th scope="col" className="hidden px-2 py-2 text-right font-medium sm:table-cell">
              $/hr
            </th>
            <th scope="col" className="hidden px-2 py-2 font-medium md:table-cell">
              Age
            </th>
            <th scope="col" className="hidden px-2 py-2 font-medium lg:table-cell">
              SSH
            </th>
            <th scope="col" className="px-2 py-2 text-right font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {instances.map((instance) => (
            <Row
              key={instance.id}
              instance={instance}
              now={now}
              expanded={expanded.has(instance.id)}
              onToggle={() => toggle(instance.id)}
              highlighted={instance.id === highlightId}
              selected={selectedIds.has(instance.id)}
              onSelectedChange={(on) => onSelectedChange(instance.id, on)}
            />
          ))}
        </tbody>
      </table>
    </div>
  )
}

interface RowProps {
  instance: Instance
  now: number
  expanded: boolean
  onToggle: () => void
  highlighted: boolean
  selected: boolean
  onSelectedChange: (selected: boolean) => void
}

function Row({
  instance,
  now,
  expanded,
  onToggle,
  highlighted,
  selected,
  onSelectedChange,
}: RowProps) {
  const detailsId = useId()
  const label = stripAutoStopMarker(instance.label)
  const age = ageText(instance, now)
  const price = instance.dph_total == null ? '—' : formatPrice(instance.dph_total)
  const actions = useInstanceActions(instance)
  const stop = actions.find((a) => a.id === 'stop')
  const start = actions.find((a) => a.id === 'start')
  const destroy = actions.find((a) => a.id === 'destroy')
  // One toggle: Start for a stopped instance, else Stop (disabled with its reason when it can't).
  const toggleAction =
    stop && stop.disabledReason !== null && start?.disabledReason === null ? start : stop
  return (
    <Fragment>
      <tr
        className={cn(
          'border-t border-border align-middle first:border-t-0',
          expanded && 'bg-surface-muted',
          highlighted && 'bg-accent-soft',
        )}
      >
        <td className="hidden px-2 py-1.5 sm:table-cell">
          <input
            type="checkbox"
            aria-label={`Select instance ${instance.id}`}
            checked={selected}
            onChange={(event) => onSelectedChange(event.target.checked)}
            className="size-4 accent-accent"
          />
        </td>
        <td className="hidden px-2 py-1.5 text-xs sm:table-cell">
          <StatusDot instance={instance} />
        </td>
        <td className="px-2 py-1.5">
          <button
            type="button"
            aria-expanded={expanded}
            aria-controls={detailsId}
            onClick={onToggle}
            className="group flex w-full min-w-0 items-start gap-1.5 rounded text-left focus-visible:outline-2 focus-visible:outline-accent"
          >
            <span
              aria-hidden="true"
              className={cn(
                'mt-0.5 text-xs text-muted transition-transform',
                expanded && 'rotate-90',
              )}
            >
              ▸
            </span>
            <span className="flex min-w-0 flex-col">
              <span className="font-medium break-words text-text group-hover:underline">
                {gpuText(instance)}
              </span>
              <span className="text-xs break-all text-muted">
                {instance.id}
                {label ? ` · ${label}` : ''}
              </span>
              <span className="flex flex-wrap items-center gap-x-2 text-xs text-text-soft sm:hidden">
                <StatusDot instance={instance} />
                <span className="tabular-nums">{price}/hr</span>
              </span>
            </span>
          </button>
          {/* Expanded, the card below says it. */}
          {!expanded && <BootFallback instance={instance} />}
        </td>
        <td className="hidden px-2 py-1.5 text-right whitespace-nowrap tabular-nums sm:table-cell">
          {price}
        </td>
        <td className="hidden px-2 py-1.5 whitespace-nowrap text-text-soft md:table-cell">
          {age ?? '—'}
        </td>
        <td className="hidden px-2 py-1.5 lg:table-cell">
          <SshCopy instance={instance} />
        </td>
        <td className="px-2 py-1.5">
          <div className="flex justify-end gap-1.5">
            {[toggleAction, destroy].map(
              (action) =>
                action && (
                  <Button
                    key={action.id}
                    size="sm"
                    variant={action.variant}
                    disabled={action.disabledReason !== null}
                    aria-busy={action.pending || undefined}
                    title={action.disabledReason ?? undefined}
                    aria-label={`${action.label} instance ${instance.id}`}
                    onClick={action.run}
                  >
                    {action.label}
                  </Button>
                ),
            )}
          </div>
        </td>
      </tr>
      <tr id={detailsId} hidden={!expanded}>
        {expanded && (
          <td colSpan={7} className="bg-surface-muted px-2 pb-3">
            <InstanceCard instance={instance} highlighted={highlighted} />
          </td>
        )}
      </tr>
    </Fragment>
  )
}

/** Copies the SSH command of a running instance; shows "Copied" for a moment. */
function SshCopy({ instance }: { instance: Instance }) {
  const ssh = sshCommand(instance)
  const ref = useRef<HTMLElement>(null)
  const [done, setDone] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  if (!ssh || uiStatus(instance) !== 'running') return <span className="text-muted">—</span>
  return (
    <span className="inline-flex items-center gap-1">
      <code ref={ref} className="sr-only">
        {ssh.command}
      </code>
      <Button
        size="sm"
        variant="ghost"
        aria-label={`Copy SSH command of instance ${instance.id}`}
        title={ssh.command}
        onClick={() =>
          void copyText(ssh.command, ref.current).then((result) => {
            setDone(result === 'copied')
            clearTimeout(timer.current)
            timer.current = setTimeout(() => setDone(false), 3_000)
          })
        }
      >
        {done ? 'Copied' : 'Copy SSH'}
      </Button>
      <span role="status" className="sr-only">
        {done ? 'Copied' : ''}
      </span>
    </span>
  )
}
