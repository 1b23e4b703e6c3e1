import { useTable, type ColumnVisibilityState } from '@tanstack/react-table'
import { useWindowVirtualizer } from '@tanstack/react-virtual'
import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react'
import type { Offer } from '../../api/offers/schemas'
import { cn } from '../../ui/cn'
import { jobCost, type JobPlan } from '../../domain/money/job-cost'
import { offerColumns } from './offer-columns'
import { offerFeatures, type OfferRow, type OfferTableMeta } from './offer-table-features'
import { useRowSortInUrl } from './row-sort-url'
import { createSortIndex, type SortKey, type SortValue } from './sorted-orders'

/**
 * Up to this many rows render plainly; longer lists are virtualized (about 30 rows in the DOM,
 * whatever the count: the cap is 200).
 */
export const VIRTUALIZE_ABOVE = 50
export const ROW_HEIGHT_PX = 41
const OVERSCAN = 12
/** Rows shown before the scroll box has been measured. */
const UNMEASURED_ROWS = 30

/** `?render=plain` renders every row (the benchmark's baseline): not for users. */
const PLAIN_RENDER =
  typeof window !== 'undefined' &&
  new URLSearchParams(window.location.search).get('render') === 'plain'

const asSortValue = (value: unknown): SortValue =>
  typeof value === 'number' || typeof value === 'string' ? value : undefined

/** The sortable columns' values, as their header sort compares them. */
export const OFFER_SORT_KEYS: readonly SortKey<OfferRow>[] = offerColumns.flatMap((c) => {
  if (!c.id || c.enableSorting === false || !('accessorFn' in c)) return []
  const accessor = c.accessorFn
  return [
    {
      id: c.id,
      value: (row: OfferRow) => asSortValue(accessor(row, 0)),
      text: c.sortFn === 'text',
    },
  ]
})

const SORTABLE: ReadonlySet<string> = new Set(OFFER_SORT_KEYS.map((key) => key.id))

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
  const [sorting, setSorting] = useRowSortInUrl(SORTABLE)
  // New rows when the plan changes, so the Job cost column (and a sort by it) follow the plan.
  // Rows and their sorted orders are derived once per result and plan: a keystroke in the quick
  // filter or a header click only picks rows from them.
  const all = useMemo<OfferRow[]>(
    () => offers.map((offer) => ({ ...offer, jobCost: jobCost(offer, plan).total })),
    [offers, plan],
  )
  const sortIndex = useMemo(() => createSortIndex(all, OFFER_SORT_KEYS), [all])
  // Each column's order is built in idle time after a result loads, one column per idle slice,
  // so the first click on a header only picks.
  useEffect(() => {
    let cancel = () => {}
    const ids = OFFER_SORT_KEYS.map((key) => key.id)
    const later = (fn: () => void) => {
      if (typeof window.requestIdleCallback === 'function') {
        const handle = window.requestIdleCallback(fn, { timeout: 2000 })
        cancel = () => window.cancelIdleCallback(handle)
      } else {
        const handle = window.setTimeout(fn, 50)
        cancel = () => window.clearTimeout(handle)
      }
    }
    const next = () => {
      const id = ids.shift()
      if (id === undefined) return
      sortIndex.prepare(id)
      later(next)
    }
    later(next)
    return () => cancel()
  }, [sortIndex])
  const data = useMemo(
    () => Array.from(sortIndex.pick(sorting, matches), (i) => all[i]).filter(isRow),
    [all, sortIndex, sorting, matches],
  )
  const table = useTable({
    features: offerFeatures,
    columns: offerColumns,
    data,
    manualSorting: true,
    getRowId: (offer) => String(offer.id),
    state: { sorting, columnVisibility },
    onSortingChange: setSorting,
    enableMultiSort: true,
    isMultiSortEvent: (event: unknown) =>
      typeof event === 'object' && event !== null && 'shiftKey' in event && event.shiftKey === true,
    meta: { bid, onRent, compared, onToggleCompare, priceSeen, seenFacts },
  })

  const rows = table.getRowModel().rows
  const virtual = !PLAIN_RENDER && rows.length > VIRTUALIZE_ABOVE
  const scrollRef = useRef<HTMLDivElement>(null)
  const tbodyRef = useRef<HTMLTableSectionElement>(null)
  // The page is the scroller: rows are placed from where the table's body starts on the page.
  const [bodyTop, setBodyTop] = useState(0)
  useLayoutEffect(() => {
    const measure = () => {
      const body = tbodyRef.current
      if (body) setBodyTop(body.getBoundingClientRect().top + window.scrollY)
    }
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(document.body)
    return () => observer.disconnect()
  }, [])
  const virtualizer = useWindowVirtualizer({
    count: virtual ? rows.length : 0,
    estimateSize: () => ROW_HEIGHT_PX,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: OVERSCAN,
    scrollMargin: bodyTop,
    initialRect: { width: 1200, height: 640 },
  })
  const items = virtual ? virtualizer.getVirtualItems() : []
  // No layout to measure yet (or none at all, as in jsdom): the first rows, then space.
  const unmeasured = virtual && items.length === 0
  const first = items[0]
  const last = items.at(-1)
  const padTop = first ? first.start - bodyTop : 0
  const padBottom = unmeasured
    ? Math.max(0, rows.length - UNMEASURED_ROWS) * ROW_HEIGHT_PX
    : last
      ? virtualizer.getTotalSize() - (last.end - bodyTop)
      : 0
  const shown = unmeasured
    ? rows.slice(0, UNMEASURED_ROWS).map((row, index) => ({ row, index }))
    : virtual
      ? items.flatMap((item) => {
          const row = rows[item.index]
          return row ? [{ row, index: item.index }] : []
        })
      : rows.map((row, index) => ({ row, index }))
  const visibleColumns = table.getVisibleLeafColumns().length

  /** Focus the Rent button of row `index`, scrolling it into view first if needed. */
  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, index))
    const focus = () => {
      const button = scrollRef.current?.querySelector<HTMLButtonElement>(
        `tr[aria-rowindex="${target + 2}"] [data-rent-button]`,
      )
      button?.focus({ preventScroll: false })
      return Boolean(button)
    }
    if (focus()) return
    if (virtual) virtualizer.scrollToIndex(target, { align: 'auto' })
    requestAnimationFrame(() => {
      if (!focus()) requestAnimationFrame(focus)
    })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!(event.target instanceof HTMLElement)) return
    const tr = event.target.closest('tr[aria-rowindex]')
    if (!tr || event.target.closest('thead')) return
    const index = Number(tr.getAttribute('aria-rowindex')) - 2
    const page = Math.max(1, Math.floor((window.innerHeight - 160) / ROW_HEIGHT_PX))
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: rows.length - 1,
    }
    const next = moves[event.key]
    if (next === undefined) return
    event.preventDefault()
    focusRow(next)
  }

  // Bring a row picked elsewhere (the scatter plot) into view.
  useEffect(() => {
    if (revealId === null) return
    const index = rows.findIndex((row) => row.original.id === revealId)
    if (index < 0) return
    if (virtual) virtualizer.scrollToIndex(index, { align: 'center' })
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
        <thead className="sticky top-0 z-10 bg-surface-muted sm:top-(--header-h,0px)">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const column = header.column
                const end = column.columnDef.meta?.align === 'end'
                const sorted = column.getIsSorted()
                const canSort = column.getCanSort()
                const sortIndex = sorting.length > 1 ? column.getSortIndex() : -1
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={
                      canSort
                        ? sorted === 'asc'
                          ? 'ascending'
                          : sorted === 'desc'
                            ? 'descending'
                            : 'none'
                        : undefined
                    }
                    className={cn(
                      'border-b border-border bg-surface-muted px-3 py-2 text-xs font-semibold whitespace-nowrap text-text-soft first:rounded-tl-lg last:rounded-tr-lg',
                      end ? 'text-right' : 'text-left',
                      SHOW_FROM[column.columnDef.meta?.showFrom ?? 'always'],
                    )}
                  >
                    {header.isPlaceholder ? null : canSort ? (
                      <button
                        type="button"
                        onClick={column.getToggleSortingHandler()}
                        title="Click to sort, shift-click to add to the sort"
                        className="-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:bg-surface-strong hover:text-text focus-visible:outline-2 focus-visible:outline-accent"
                      >
                        {/* Right-aligned heads keep their text flush with the numbers: the
                            arrow goes on the inner (left) side. */}
                        {end && <SortArrow direction={sorted} />}
                        <table.FlexRender header={header} />
                        {!end && <SortArrow direction={sorted} />}
                        {sortIndex >= 0 && sorted && (
                          <span className="text-[10px] text-accent-text">
                            <span className="sr-only">, sort key </span>
                            {sortIndex + 1}
                          </span>
                        )}
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                )
              })}
            </tr>
          ))}
        </thead>
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

const isRow = (row: OfferRow | undefined): row is OfferRow => row !== undefined

/** Columns that give way on narrower windows (the chooser still lists them). */
const SHOW_FROM = {
  always: '',
  lg: 'hidden lg:table-cell',
  xl: 'hidden xl:table-cell',
  '2xl': 'hidden 2xl:table-cell',
} as const

function SortArrow({ direction }: { direction: false | 'asc' | 'desc' }) {
  return (
    <span
      aria-hidden="true"
      className={cn('w-3 text-center', direction ? 'text-accent-text' : 'text-faint')}
    >
      {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
    </span>
  )
}
