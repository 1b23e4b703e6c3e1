/**
 * The offer table's TanStack Table features, declared once: client-side sorting of the loaded
 * rows (the server already filtered them), a column chooser and typed table/column meta.
 */
import type { SeenFacts } from '../../domain/market/machine-memory'
import {
  columnVisibilityFeature,
  createSortedRowModel,
  metaHelper,
  rowSortingFeature,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
} from '@tanstack/react-table'
import type { Offer } from '../../api/offers/schemas'

/** Offers that can be picked for side-by-side comparison at once. */
export const MAX_COMPARE = 4

/**
 * A table row: the offer with its cost under the current job plan. The plan is priced into the
 * rows (not read by the column) so a new plan gives new rows, and a sort by job cost follows it.
 */
export type OfferRow = Offer & { jobCost: number }

export interface OfferTableMeta {
  /** The rows come from an interruptible (bid) search: show minimum bids. */
  bid: boolean
  onRent: (offer: Offer) => void
  /** Offers picked for side-by-side comparison (at most MAX_COMPARE). */
  compared?: ReadonlySet<number>
  onToggleCompare?: (offer: Offer) => void
  /** "Cheaper than N% seen" for an offer, from the local price history (null: nothing seen). */
  priceSeen?: (offer: Offer) => number | null
  /** What the market memory holds about the offer's machine (null: nothing yet). */
  seenFacts?: (offer: Offer) => SeenFacts | null
}

export interface OfferColumnMeta {
  /** Numbers are right-aligned so their digits line up. */
  align?: 'start' | 'end'
  /** Name in the column chooser (defaults to the header text). */
  label?: string
  /** Shown only from this window width up (the lg and xl breakpoints), so Rent always fits. */
  showFrom?: 'always' | 'lg' | 'xl' | '2xl'
}

export const offerFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic, text: sortFn_text },
  tableMeta: metaHelper<OfferTableMeta>(),
  columnMeta: metaHelper<OfferColumnMeta>(),
})

export type OfferFeatures = typeof offerFeatures
