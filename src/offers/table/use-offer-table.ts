import { useTable, type ColumnVisibilityState } from '@tanstack/react-table'
import { useEffect, useMemo } from 'react'
import type { Offer } from '../../api/offers/schemas'
import { jobCost, type JobPlan } from '../../domain/money/job-cost'
import { offerColumns } from './offer-columns'
import { offerFeatures, type OfferRow, type OfferTableMeta } from './offer-table-features'
import { useRowSortInUrl } from './row-sort-url'
import { createSortIndex, type SortIndex, type SortKey, type SortValue } from './sorted-orders'

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

export interface OfferTableInput {
  offers: Offer[]
  matches: Uint32Array | null
  plan: JobPlan
  columnVisibility: ColumnVisibilityState
  meta: OfferTableMeta
}

/**
 * The table instance over the loaded offers. Rows and their sorted orders are derived once per
 * result and plan (the Job cost column follows the plan); a keystroke in the quick filter or a
 * header click only picks rows from them. The row sort lives in the URL.
 */
export function useOfferTable({ offers, matches, plan, columnVisibility, meta }: OfferTableInput) {
  const [sorting, setSorting] = useRowSortInUrl(SORTABLE)
  const all = useMemo<OfferRow[]>(
    () => offers.map((offer) => ({ ...offer, jobCost: jobCost(offer, plan).total })),
    [offers, plan],
  )
  const sortIndex = useMemo(() => createSortIndex(all, OFFER_SORT_KEYS), [all])
  usePreparedOrders(sortIndex)
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
    meta,
  })
  return { table, sorting }
}

/**
 * Each column's order is built in idle time after a result loads, one column per idle slice,
 * so the first click on a header only picks.
 */
function usePreparedOrders(sortIndex: SortIndex) {
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
}

const isRow = (row: OfferRow | undefined): row is OfferRow => row !== undefined
