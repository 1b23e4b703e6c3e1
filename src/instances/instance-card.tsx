import { useEffect, useId, useRef, type ReactNode } from 'react'
import { statusLabel, uiStatus } from '../domain/instance-status'
import type { Instance } from '../api/instances/schemas'
import { cn } from '../ui/cn'
import { formatRate, formatUsd } from '../domain/format'
import { AutoStopCountdown } from './auto-stop-countdown'
import { accruedCost, storagePerDay } from '../domain/money/burn'
import { InstanceActions } from './instance-actions'
import { LabelEditor } from './label-editor'
import { LogViewer } from './log-viewer'
import { PhaseTimeline } from './phase-timeline'
import { PortLinks } from './port-links'
import { RebootButton } from './reboot-button'
import { useNow } from './use-now'
import { diskText, gpuText, instanceTitle, statusTone, type StatusTone } from './instance-view'
import { SshCommand } from './ssh-command'

const TONE_CLASSES: Record<StatusTone, string> = {
  ok: 'border-green-300 bg-green-50 text-green-900',
  busy: 'border-blue-300 bg-blue-50 text-blue-900',
  idle: 'border-slate-300 bg-slate-100 text-slate-800',
  warn: 'border-amber-300 bg-amber-50 text-amber-900',
  bad: 'border-red-300 bg-red-50 text-red-900',
}

const DOT_CLASSES: Record<StatusTone, string> = {
  ok: 'bg-green-600',
  busy: 'bg-blue-600 motion-safe:animate-pulse',
  idle: 'bg-slate-500',
  warn: 'bg-amber-500',
  bad: 'bg-red-600',
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-600">{term}</dt>
      <dd className="truncate text-sm text-slate-900">{children}</dd>
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
  const accrued = accruedCost(instance, now)

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
        'flex flex-col gap-3 rounded-lg border bg-white p-4 shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700',
        highlighted ? 'border-blue-500 ring-2 ring-blue-200' : 'border-slate-200',
      )}
    >
      <header className="flex flex-wrap items-start justify-between gap-2">
        {onSelectedChange && (
          <input
            type="checkbox"
            aria-label={`Select instance ${instance.id}`}
            checked={selected}
            onChange={(event) => onSelectedChange(event.target.checked)}
            className="mt-1 size-4 accent-blue-700"
          />
        )}
        <h2 id={headingId} className="min-w-0 text-base font-semibold break-words text-slate-900">
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
          className="-mt-1 line-clamp-2 text-xs break-words text-slate-700"
          title={instance.status_msg}
        >
          {instance.status_msg}
        </p>
      )}

      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-3">
        <Fact term="GPU">{gpuText(instance)}</Fact>
        <Fact term="Price">
          {instance.dph_total == null ? '—' : formatRate(instance.dph_total)}
        </Fact>
        <Fact term="Disk">{diskText(instance)}</Fact>
        <Fact term="Cost so far (approx.)">
          <span title="Approximate: storage since creation plus the GPU for the current run; earlier runs are not reported by Vast.">
            {accrued === null ? '—' : `≈ ${formatUsd(accrued)}`}
          </span>
        </Fact>
        <div className="col-span-2 min-w-0 sm:col-span-2">
          <dt className="text-xs text-slate-600">Image</dt>
          <dd
            className="truncate font-mono text-xs text-slate-900"
            title={instance.image_uuid ?? undefined}
          >
            {instance.image_uuid ?? '—'}
          </dd>
        </div>
        <Fact term="Location">{instance.geolocation ?? '—'}</Fact>
      </dl>

      {status === 'stopped' && (
        <p className="rounded border border-amber-200 bg-amber-50 px-2 py-1 text-xs text-amber-900">
          Storage: {storageDay == null ? 'price unknown' : formatRate(storageDay, 'day')}; storage
          still bills while stopped. Destroy the instance to end all billing.
        </p>
      )}

      <PhaseTimeline instance={instance} />

      <AutoStopCountdown instance={instance} />

      <SshCommand instance={instance} />

      <PortLinks instance={instance} />

      <div className="flex flex-wrap items-center gap-2">
        <InstanceActions instance={instance} />
        <RebootButton instance={instance} />
        <LogViewer instance={instance} />
        <LabelEditor instance={instance} />
      </div>
    </article>
  )
}
