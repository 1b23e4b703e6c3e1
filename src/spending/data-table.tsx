import type { ReactNode } from 'react'
import { ColumnHeads, type ColumnHead } from '../ui/column-heads'

/** A body row of a DataTable (a hairline above it). */
export const ROW = 'border-t border-border-subtle'
/** A DataTable cell; `AMOUNT` right-aligns a figure. */
export const CELL = 'px-2 py-1'
export const AMOUNT = 'px-2 py-1 text-right tabular-nums'

/** The Spending tab's tables: a bordered, scrollable table with a caption and column heads. */
export function DataTable({
  caption,
  columns,
  children,
}: {
  caption: ReactNode
  columns: readonly ColumnHead[]
  children: ReactNode
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-surface">
      <table className="w-full text-left text-sm">
        <caption className="p-2 text-left text-sm font-semibold text-text">{caption}</caption>
        <ColumnHeads
          columns={columns}
          className="bg-surface-muted text-xs text-text-soft"
          cellClassName="px-2 py-1"
        />
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}
