import { useTable, type SortingState } from '@tanstack/react-table'
import { memo, useState } from 'react'
import type { OfferSearchResult } from '../api/endpoints'
import type { Offer } from '../api/schemas'
import { Button } from '../ui/button'
import { cn } from '../ui/cn'
import { offerColumns } from './offer-columns'
import { offerFeatures } from './offer-table-features'

export interface OfferTableProps {
  offers: Offer[]
  /** The rows come from an interruptible search. */
  bid: boolean
  onRent: (offer: Offer) => void
}

/**
 * The loaded offers as a real table; clicking a column header sorts the loaded rows. Memoized:
 * typing in the filters re-renders the page, and up to 500 rows need not follow.
 */
export const OfferTable = memo(function OfferTable({ offers, bid, onRent }: OfferTableProps) {
  const [sorting, setSorting] = useState<SortingState>([])
  const table = useTable({
    features: offerFeatures,
    columns: offerColumns,
    data: offers,
    getRowId: (offer) => String(offer.id),
    state: { sorting },
    onSortingChange: setSorting,
    meta: { bid, onRent },
  })

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">GPU offers</caption>
        <thead className="bg-slate-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const column = header.column
                const end = column.columnDef.meta?.align === 'end'
                const sorted = column.getIsSorted()
                const canSort = column.getCanSort()
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
                      'border-b border-slate-200 px-3 py-2 text-xs font-semibold whitespace-nowrap text-slate-700',
                      end ? 'text-right' : 'text-left',
                    )}
                  >
                    {header.isPlaceholder ? null : canSort ? (
                      <button
                        type="button"
                        onClick={column.getToggleSortingHandler()}
                        className={cn(
                          '-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:bg-slate-200 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-700',
                          end && 'flex-row-reverse',
                        )}
                      >
                        <table.FlexRender header={header} />
                        <SortArrow direction={sorted} />
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
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              className="border-b border-slate-100 last:border-b-0 hover:bg-blue-50/40"
            >
              {row.getAllCells().map((cell) => (
                <td
                  key={cell.id}
                  className={cn(
                    'px-3 py-1.5 align-middle text-slate-800',
                    cell.column.columnDef.meta?.align === 'end' && 'text-right tabular-nums',
                  )}
                >
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
})

function SortArrow({ direction }: { direction: false | 'asc' | 'desc' }) {
  return (
    <span
      aria-hidden="true"
      className={cn('w-3 text-center', direction ? 'text-blue-800' : 'text-slate-500')}
    >
      {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
    </span>
  )
}

export interface OfferResultsProps {
  data: OfferSearchResult | undefined
  error: Error | null
  isFetching: boolean
  /** The rows shown belong to the previous filters while the new search runs. */
  isPlaceholderData: boolean
  bid: boolean
  onRetry: () => void
  onRent: (offer: Offer) => void
  onResetFilters: () => void
}

/**
 * The search result in its states. Data comes first: with rows on screen, a failed refresh is a
 * quiet notice; the error screen is only for a search with nothing to show; the spinner is last.
 */
export function OfferResults({
  data,
  error,
  isFetching,
  isPlaceholderData,
  bid,
  onRetry,
  onRent,
  onResetFilters,
}: OfferResultsProps) {
  if (data) {
    const count = data.offers.length
    return (
      <section aria-label="Search results" className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <p aria-live="polite" className="font-medium text-slate-900">
            {count === 1 ? '1 offer' : `${count} offers`}
            {isFetching && (
              <span className="ml-2 font-normal text-slate-600">
                {isPlaceholderData ? 'Searching…' : 'Refreshing…'}
              </span>
            )}
          </p>
          {data.dropped > 0 && (
            <p className="rounded bg-amber-50 px-2 py-0.5 text-amber-900">
              <span aria-hidden="true">⚠ </span>
              {data.dropped === 1
                ? '1 offer could not be read and is hidden'
                : `${data.dropped} offers could not be read and are hidden`}
            </p>
          )}
        </div>
        {error && !isFetching && (
          <div className="flex flex-wrap items-center gap-2 rounded border border-slate-200 bg-slate-50 px-3 py-1.5 text-sm text-slate-700">
            <span>
              Couldn&apos;t refresh the offers ({error.message}). Showing the last results.
            </span>
            <Button size="sm" variant="ghost" onClick={onRetry}>
              Retry
            </Button>
          </div>
        )}
        {count === 0 ? (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center">
            <p className="font-medium text-slate-900">No offers match these filters</p>
            <p className="mt-1 text-sm text-slate-600">
              Try another GPU model, any number of GPUs, or turn off “Verified only” or “Direct
              ports only”.
            </p>
            <Button size="sm" className="mt-3" onClick={onResetFilters}>
              Use default filters
            </Button>
          </div>
        ) : (
          <OfferTable offers={data.offers} bid={bid} onRent={onRent} />
        )}
      </section>
    )
  }
  if (error) {
    return (
      <div
        role="alert"
        className="flex flex-col items-start gap-2 rounded-lg border border-red-200 bg-red-50 p-4 text-sm"
      >
        <p className="font-medium text-red-900">Could not load offers</p>
        <p className="text-red-800">{error.message}</p>
        <Button size="sm" onClick={onRetry}>
          Retry
        </Button>
      </div>
    )
  }
  return (
    <p
      role="status"
      className="rounded-lg border border-slate-200 bg-white p-6 text-center text-sm text-slate-700"
    >
      Loading offers…
    </p>
  )
}
