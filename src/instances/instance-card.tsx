import { useEffect, useId, useRef, type ReactNode } from 'react'
import { statusLabel, uiStatus } from '../domain/instance-status'
import type { Instance } from '../api/instances/schemas'
import { cn } from '../ui/cn'
import { formatRate } from '../domain/format'
import { AutoStopCountdown } from './auto-stop-countdown'
import { storagePerDay } from '../domain/money/burn'
import { ageText, costSoFar, costSoFarText } from './figures'
import { InstanceActions } from './instance-actions'
import { LabelEditor } from './label-editor'
import { LogViewer } from './log-viewer'
import { PhaseTimeline } from './phase-timeline'
import { PortLinks } from './port-links'
import { RebootButton } from './reboot-button'
import { ChangeBidButton } from './change-bid'
import { useNow } from '../ui/use-now'
import { diskText, gpuText, instanceTitle, statusTone, type StatusTone } from './instance-view'
import { SshCommand } from './ssh-command'
import { ContractEnd, WatchdogPanel } from './watchdog-panel'
import { DOT_CLASSES } from './status-dot'
import { BootFallback } from './fallback/boot-fallback'

const TONE_CLASSES: Record<StatusTone, string> = {
  ok: 'border-success-border bg-success-soft text-success-text',
  busy: 'border-accent-border bg-accent-soft text-accent-text',
  idle: 'border-border-strong bg-surface-sunken text-text',
  warn: 'border-warning-border bg-warning-soft text-warning-text',
  bad: 'border-danger-border bg-danger-soft text-danger-text',
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted">{term}</dt>
      <dd className="truncate text-sm text-text">{children}</dd>
    </div>
  )
}

export interface InstanceCardProps {
  instance: Instance
  /** Scroll to and focus this card once it appears (the instance just rented). */
  highlighted?: boolean
  /** Bulk selection: shown as a checkbox when `onSelectedChange` is given. */
  selected?: boolean
  onSelectedChange?: (selected: boolean) => void
}

/** One instance: identity, status in words, hardware, price, SSH and actions. */
export function InstanceCard({
  instance,
  highlighted = false,
  selected = false,
  onSelectedChange,
}: InstanceCardProps) {
  const headingId = useId()
  const ref = useRef<HTMLElement>(null)
  const status = uiStatus(instance)
  const tone = statusTone(status)
  const storageDay = storagePerDay(instance)
  const now = useNow()
  const cost = costSoFar(instance, now)
  const age = ageText(instance, now)

  useEffect(() => {
    const card = ref.current
    if (!highlighted || !card) return
    card.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' })
    card.focus({ preventScroll: true })
  }, [highlighted])

  return (
    <article
      ref={ref}
      aria-labelledby={headingId}
      tabIndex={highlighted ? -1 : undefined}
      className={cn(
        'flex flex-col gap-3 rounded-lg border bg-surface p-4 shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent',
        highlighted ? 'border-accent ring-2 ring-accent-border' : 'border-border',
      )}
    >
      <header className="flex flex-wrap items-start justify-between gap-2">
        {onSelectedChange && (
          <input
            type="checkbox"
            aria-label={`Select instance ${instance.id}`}
            checked={selected}
            onChange={(event) => onSelectedChange(event.target.checked)}
            className="mt-1 size-4 accent-accent"
          />
        )}
        <h2 id={headingId} className="min-w-0 text-base font-semibold break-words text-text">
          {instanceTitle(instance)}
        </h2>
        <span
          className={cn(
            'inline-flex shrink-0 items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium',
            TONE_CLASSES[tone],
          )}
        >
          <span aria-hidden="true" className={cn('size-2 rounded-full', DOT_CLASSES[tone])} />
          {statusLabel(instance)}
        </span>
      </header>

      {instance.status_msg && (
        <p
          className="-mt-1 line-clamp-2 text-xs break-words text-text-soft"
          title={instance.status_msg}
        >
          {instance.status_msg}
        </p>
      )}

      <BootFallback instance={instance} />

      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-3">
        <Fact term="GPU">{gpuText(instance)}</Fact>
        <Fact term="Price">
          {instance.dph_total == null ? '—' : formatRate(instance.dph_total)}
        </Fact>
        <Fact term="Disk">{diskText(instance)}</Fact>
        <Fact term="Cost so far">
          <span title="Storage since creation plus the GPU for the run Vast reports; GPU time of earlier runs is not reported.">
            {costSoFarText(cost)}
          </span>
        </Fact>
        <Fact term="Age">{age ?? '—'}</Fact>
        <div className="col-span-2 min-w-0 sm:col-span-2">
          <dt className="text-xs text-muted">Image</dt>
          <dd
            className="truncate font-mono text-xs text-text"
            title={instance.image_uuid ?? undefined}
          >
            {instance.image_uuid ?? '—'}
          </dd>
        </div>
        <Fact term="Location">{instance.geolocation ?? '—'}</Fact>
      </dl>

      {status === 'stopped' && (
        <p className="rounded border border-warning-border bg-warning-soft px-2 py-1 text-xs text-warning-text">
          Storage: {storageDay == null ? 'price unknown' : formatRate(storageDay, 'day')}; storage
          still bills while stopped. Destroy the instance to end all billing.
        </p>
      )}

      <PhaseTimeline instance={instance} />

      <AutoStopCountdown instance={instance} />

      <WatchdogPanel instance={instance} />

      <ContractEnd instance={instance} />

      <SshCommand instance={instance} />

      <PortLinks instance={instance} />

      <div className="flex flex-wrap items-center gap-2">
        <InstanceActions instance={instance} />
        <RebootButton instance={instance} />
        <ChangeBidButton instance={instance} />
        <LogViewer instance={instance} />
        <LabelEditor instance={instance} />
      </div>
    </article>
  )
}
