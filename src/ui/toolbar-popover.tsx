import type { ReactNode } from 'react'
import { cn } from './cn'

/**
 * A toolbar button that opens a panel under it (a native <details>: keyboard and touch work, and
 * the summary reports expanded/collapsed). `align="end"` opens the panel leftwards.
 */
export function ToolbarPopover({
  summary,
  children,
  align = 'start',
  panelClassName,
}: {
  summary: ReactNode
  children: ReactNode
  align?: 'start' | 'end'
  panelClassName?: string
}) {
  return (
    <details className="group relative">
      <summary className="flex cursor-pointer list-none items-center gap-1 rounded-md border border-border-strong bg-surface px-2 py-1 text-sm font-medium text-text hover:bg-surface-sunken focus-visible:outline-2 focus-visible:outline-accent [&::-webkit-details-marker]:hidden">
        {summary}
        <span aria-hidden="true" className="text-xs text-muted group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div
        className={cn(
          'absolute z-20 mt-1 max-w-[calc(100vw-2rem)] rounded-md border border-border bg-surface p-3 shadow-lg',
          align === 'end' ? 'right-0' : 'left-0',
          panelClassName,
        )}
      >
        {children}
      </div>
    </details>
  )
}
