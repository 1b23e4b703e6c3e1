import type { ReactNode } from 'react'
import { cn } from './cn'
import { TONE_BADGE, type Tone } from './tone'

export interface StatusBadgeProps {
  tone: Tone
  /** A symbol before the text (hidden from screen readers: the text carries the meaning). */
  icon?: ReactNode
  className?: string
  children: ReactNode
}

/** A small status label: colour backs up the text, never replaces it. */
export function StatusBadge({ tone, icon, className, children }: StatusBadgeProps) {
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap',
        TONE_BADGE[tone],
        className,
      )}
    >
      {icon && <span aria-hidden="true">{icon}</span>}
      {children}
    </span>
  )
}
