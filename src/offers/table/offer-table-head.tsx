import type { SortingState } from '@tanstack/react-table'
import { cn } from '../../ui/cn'
import type { useOfferTable } from './use-offer-table'

/** Columns that give way on narrower windows (the chooser still lists them). */
export const SHOW_FROM = {
  always: '',
  lg: 'hidden lg:table-cell',
  xl: 'hidden xl:table-cell',
  '2xl': 'hidden 2xl:table-cell',
} as const

/**
 * The sticky header row: a sort button per sortable column, with `aria-sort` on the cell and
 * the sort key's position when several columns sort.
 */
export function OfferTableHead({
  table,
  sorting,
}: {
  table: ReturnType<typeof useOfferTable>['table']
  sorting: SortingState
}) {
  return (
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
  )
}

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
