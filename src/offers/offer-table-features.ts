/**
 * The offer table's TanStack Table features, declared once: client-side sorting of the loaded
 * rows (the server already filtered them) and typed table/column meta.
 */
import {
  createSortedRowModel,
  metaHelper,
  rowSortingFeature,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
} from '@tanstack/react-table'
import type { Offer } from '../api/schemas'

export interface OfferTableMeta {
  /** The rows come from an interruptible (bid) search: show minimum bids. */
  bid: boolean
  onRent: (offer: Offer) => void
}

export interface OfferColumnMeta {
  /** Numbers are right-aligned so their digits line up. */
  align?: 'start' | 'end'
}

export const offerFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic, text: sortFn_text },
  tableMeta: metaHelper<OfferTableMeta>(),
  columnMeta: metaHelper<OfferColumnMeta>(),
})

export type OfferFeatures = typeof offerFeatures
