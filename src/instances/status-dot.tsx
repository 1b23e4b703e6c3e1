import { statusLabel, uiStatus } from '../domain/instance-status'
import type { Instance } from '../api/instances/schemas'
import { cn } from '../ui/cn'
import { statusTone, type StatusTone } from './instance-view'

export const DOT_CLASSES: Record<StatusTone, string> = {
  ok: 'bg-success',
  busy: 'bg-accent motion-safe:animate-pulse',
  idle: 'bg-faint',
  warn: 'bg-warning',
  bad: 'bg-danger',
}

/** A coloured dot and the status in words (the colour never carries the meaning alone). */
export function StatusDot({ instance, className }: { instance: Instance; className?: string }) {
  const tone = statusTone(uiStatus(instance))
  return (
    <span className={cn('inline-flex items-center gap-1.5 whitespace-nowrap', className)}>
      <span aria-hidden="true" className={cn('size-2 shrink-0 rounded-full', DOT_CLASSES[tone])} />
      {statusLabel(instance)}
    </span>
  )
}
