import { SearchX, type LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'

/** Nothing to show: what happened (title), why or what to try (children), and an action. */
export function EmptyState({
  title,
  children,
  action,
  Icon = SearchX,
}: {
  title: string
  children?: ReactNode
  action?: ReactNode
  Icon?: LucideIcon
}) {
  return (
    <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-border-strong bg-surface px-4 py-8 text-center text-sm">
      <Icon aria-hidden="true" className="size-6 text-faint" />
      <p className="font-medium text-text">{title}</p>
      {children && <div className="max-w-prose text-text-soft">{children}</div>}
      {action}
    </div>
  )
}
