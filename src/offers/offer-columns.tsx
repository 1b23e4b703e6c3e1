import { createColumnHelper } from '@tanstack/react-table'
import type { Offer } from '../api/schemas'
import { cn } from '../ui/cn'
import { formatDuration, formatGb, formatPercent } from '../ui/format'
import { formatNumber, formatPrice, gpuSummary, isVerified, offerReliability } from './offer-format'
import { OfferRowActions } from './offer-row-actions'
import type { OfferFeatures } from './offer-table-features'

const col = createColumnHelper<OfferFeatures, Offer>()

/**
 * The offer columns. Accessors return `undefined` (not null) for missing values so that
 * `sortUndefined: 'last'` keeps unknowns at the bottom whichever way a column is sorted.
 */
export const offerColumns = col.columns([
  col.accessor((offer) => offer.gpu_name, {
    id: 'gpu',
    header: 'GPU',
    sortFn: 'text',
    sortDescFirst: false,
    cell: ({ row }) => (
      <span className="font-medium whitespace-nowrap text-slate-900">
        {gpuSummary(row.original)}
      </span>
    ),
  }),
  col.accessor((offer) => offer.gpu_ram ?? undefined, {
    id: 'vram',
    header: 'VRAM',
    sortFn: 'basic',
    sortUndefined: 'last',
    meta: { align: 'end' },
    cell: ({ getValue }) => formatGb(getValue()),
  }),
  col.accessor((offer) => offer.dph_total, {
    id: 'price',
    header: '$/hr',
    sortFn: 'basic',
    sortDescFirst: false,
    meta: { align: 'end' },
    cell: ({ row, table }) => (
      <span className="flex flex-col items-end leading-tight">
        <span className="font-semibold text-slate-900 tabular-nums">
          {formatPrice(row.original.dph_total)}
        </span>
        {table.options.meta?.bid && row.original.min_bid != null && (
          <span className="text-xs whitespace-nowrap text-slate-600">
            min bid {formatPrice(row.original.min_bid)}
          </span>
        )}
      </span>
    ),
  }),
  col.accessor((offer) => offer.dlperf_per_dphtotal ?? undefined, {
    id: 'dlperf-usd',
    header: 'DLPerf/$',
    sortFn: 'basic',
    sortUndefined: 'last',
    meta: { align: 'end' },
    cell: ({ getValue }) => formatNumber(getValue()),
  }),
  col.accessor((offer) => offerReliability(offer) ?? undefined, {
    id: 'reliability',
    header: 'Reliability',
    sortFn: 'basic',
    sortUndefined: 'last',
    meta: { align: 'end' },
    cell: ({ getValue }) => formatPercent(getValue()),
  }),
  col.accessor((offer) => offer.geolocation ?? undefined, {
    id: 'location',
    header: 'Location',
    sortFn: 'text',
    sortDescFirst: false,
    sortUndefined: 'last',
    cell: ({ getValue }) => getValue() ?? '—',
  }),
  col.accessor((offer) => offer.duration ?? undefined, {
    id: 'duration',
    header: 'Max duration',
    sortFn: 'basic',
    sortUndefined: 'last',
    meta: { align: 'end' },
    cell: ({ getValue }) => formatDuration(getValue()),
  }),
  col.accessor((offer) => (isVerified(offer) ? 1 : 0), {
    id: 'verified',
    header: 'Verified',
    sortFn: 'basic',
    cell: ({ row }) => <VerifiedBadge verified={isVerified(row.original)} />,
  }),
  col.display({
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    enableSorting: false,
    meta: { align: 'end' },
    cell: ({ row, table }) => {
      const onRent = table.options.meta?.onRent
      return onRent ? <OfferRowActions offer={row.original} onRent={onRent} /> : null
    },
  }),
])

function VerifiedBadge({ verified }: { verified: boolean }) {
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium',
        verified ? 'bg-green-50 text-green-800' : 'bg-amber-50 text-amber-900',
      )}
    >
      <span aria-hidden="true">{verified ? '✓' : '!'}</span>
      {verified ? 'Verified' : 'Unverified'}
    </span>
  )
}
