import { cn } from './cn'

/**
 * Placeholder rows while data loads: grey bars shaped like the rows to come, so the page does not
 * jump when they arrive. The label is announced (role=status) and the bars are hidden from
 * screen readers.
 */
export function PanelSkeleton({
  label,
  rows = 6,
  className,
}: {
  label: string
  rows?: number
  className?: string
}) {
  return (
    <div role="status" className={cn('rounded-lg border border-border bg-surface p-3', className)}>
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="flex flex-col gap-3">
        {Array.from({ length: rows }, (_, index) => (
          <div key={index} className="flex items-center gap-4">
            <div className="skeleton h-4 w-40" />
            <div className="skeleton h-4 w-16" />
            <div className="skeleton hidden h-4 w-24 sm:block" />
            <div className="skeleton hidden h-4 flex-1 md:block" />
            <div className="skeleton ml-auto h-7 w-16" />
          </div>
        ))}
      </div>
    </div>
  )
}
