import type { ColumnVisibilityState } from '@tanstack/react-table'
import { memo, useEffect, useMemo, useRef } from 'react'
import type { Offer } from '../../api/offers/schemas'
import { cn } from '../../ui/cn'
import type { JobPlan } from '../../domain/money/job-cost'
import type { OfferTableMeta } from './offer-table-features'
import { OfferTableHead, SHOW_FROM } from './offer-table-head'
import { useOfferTable } from './use-offer-table'
import { useRowKeys } from './use-row-keys'
import { ROW_HEIGHT_PX, useWindowRows } from './use-window-rows'

export interface OfferTableProps {
  /** Every loaded offer. */
  offers: Offer[]
  /** Indices (ascending) of the offers the quick filter keeps; null: all of them. */
  matches: Uint32Array | null
  /** The rows come from an interruptible search. */
  bid: boolean
  onRent: (offer: Offer) => void
  plan: JobPlan
  columnVisibility: ColumnVisibilityState
  compared: ReadonlySet<number>
  onToggleCompare: (offer: Offer) => void
  /** Offer highlighted from elsewhere (the scatter plot). */
  highlightId?: number | null
  /** Offer to bring into view (a click on the scatter plot); changes scroll to it. */
  revealId?: number | null
  onHoverOffer?: (id: number | null) => void
  priceSeen?: (offer: Offer) => number | null
  seenFacts?: OfferTableMeta['seenFacts']
}

/**
 * The loaded offers as a real table. Clicking a column header sorts the loaded rows (shift-click
 * adds a column to the sort); long lists are virtualized with spacer rows, so the header stays
 * sticky and the table keeps table semantics (aria-rowcount/aria-rowindex). Arrow keys move
 * between rows' Rent buttons; Enter on one opens the rent dialog. Memoized: typing in the
 * filters re-renders the page, and 5,000 rows need not follow.
 */
export const OfferTable = memo(function OfferTable({
  offers,
  matches,
  bid,
  onRent,
  plan,
  columnVisibility,
  compared,
  onToggleCompare,
  highlightId = null,
  revealId = null,
  onHoverOffer,
  priceSeen,
  seenFacts,
}: OfferTableProps) {
  const meta = useMemo(
    () => ({ bid, onRent, compared, onToggleCompare, priceSeen, seenFacts }),
    [bid, onRent, compared, onToggleCompare, priceSeen, seenFacts],
  )
  const { table, sorting } = useOfferTable({ offers, matches, plan, columnVisibility, meta })
  const rows = table.getRowModel().rows
  const scrollRef = useRef<HTMLDivElement>(null)
  const tbodyRef = useRef<HTMLTableSectionElement>(null)
  const { virtual, shown, padTop, padBottom, scrollToIndex } = useWindowRows(rows, tbodyRef)
  const onKeyDown = useRowKeys(scrollRef, rows.length, scrollToIndex)
  const visibleColumns = table.getVisibleLeafColumns().length

  // Bring a row picked elsewhere (the scatter plot) into view.
  useEffect(() => {
    if (revealId === null) return
    const index = rows.findIndex((row) => row.original.id === revealId)
    if (index < 0) return
    if (virtual) scrollToIndex(index, 'center')
    else
      scrollRef.current
        ?.querySelector(`tr[aria-rowindex="${index + 2}"]`)
        ?.scrollIntoView({ block: 'nearest' })
  }, [revealId]) // eslint-disable-line react-hooks/exhaustive-deps

  return (
    // Arrow keys move between rows: the handler sits on the scroll box around the table, and
    // only reacts to keys from the buttons inside rows (which are the focusable elements).
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div
      ref={scrollRef}
      onKeyDown={onKeyDown}
      className="relative rounded-lg border border-border bg-surface"
    >
      <table
        className="w-full border-separate border-spacing-0 text-sm"
        aria-rowcount={rows.length + 1}
      >
        <caption className="sr-only">GPU offers</caption>
        <OfferTableHead table={table} sorting={sorting} />
        <tbody ref={tbodyRef}>
          {padTop > 0 && (
            <tr aria-hidden="true">
              <td colSpan={visibleColumns} style={{ height: padTop, padding: 0 }} />
            </tr>
          )}
          {shown.map(({ row, index }) => {
            const id = row.original.id
            return (
              <tr
                key={row.id}
                aria-rowindex={index + 2}
                onMouseEnter={onHoverOffer ? () => onHoverOffer(id) : undefined}
                onMouseLeave={onHoverOffer ? () => onHoverOffer(null) : undefined}
                className={cn(
                  'hover:bg-accent-soft/40',
                  highlightId === id && 'bg-warning-muted hover:bg-warning-muted',
                  compared.has(id) && 'bg-accent-soft',
                )}
                style={virtual ? { height: ROW_HEIGHT_PX } : undefined}
              >
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={cn(
                      'border-b border-border-subtle px-3 py-1.5 align-middle whitespace-nowrap text-text',
                      cell.column.columnDef.meta?.align === 'end' && 'text-right tabular-nums',
                      SHOW_FROM[cell.column.columnDef.meta?.showFrom ?? 'always'],
                    )}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            )
          })}
          {padBottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={visibleColumns} style={{ height: padBottom, padding: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
})
