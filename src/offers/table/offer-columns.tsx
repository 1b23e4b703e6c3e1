import { createColumnHelper } from '@tanstack/react-table'
import { StatusBadge } from '../../ui/status-badge'
import {
  formatDuration,
  formatGb,
  formatPercent,
  formatPrice,
  formatUsd,
} from '../../domain/format'
import { VerifiedBadge } from './verified-badge'
import { formatNumber, gpuSummary, isVerified, offerReliability } from '../offer-format'
import { SeenBefore } from '../market/seen-before'
import { ModelPageButton } from '../market/model-page-button'
import { OfferRowActions } from './offer-row-actions'
import { perGpuHour } from '../history/price-stats'
import { MAX_COMPARE, type OfferFeatures, type OfferRow } from './offer-table-features'

const col = createColumnHelper<OfferFeatures, OfferRow>()

/**
 * The offer columns, static: runtime values reach the cells through the table's `meta`, and the
 * job cost comes priced in the rows. Accessors return `undefined` (not null) for missing values
 * so that `sortUndefined: 'last'` keeps unknowns at the bottom whichever way a column is sorted.
 */
export const offerColumns = col.columns([
  col.accessor((offer) => offer.gpu_name, {
    id: 'gpu',
    header: 'GPU',
    sortFn: 'text',
    sortDescFirst: false,
    cell: ({ row }) => (
      <span className="inline-flex items-center gap-1">
        <span className="font-medium whitespace-nowrap text-text">{gpuSummary(row.original)}</span>
        <ModelPageButton model={row.original.gpu_name} />
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
        <span className="font-semibold text-text tabular-nums">
          {formatPrice(row.original.dph_total)}
        </span>
        {table.options.meta?.bid && row.original.min_bid != null && (
          <span className="text-xs whitespace-nowrap text-muted">
            min bid {formatPrice(row.original.min_bid)}
          </span>
        )}
      </span>
    ),
  }),
  col.accessor((offer) => perGpuHour(offer), {
    id: 'per-gpu',
    header: '$/GPU-hr',
    sortFn: 'basic',
    sortDescFirst: false,
    meta: { align: 'end', label: '$/GPU-hr (compute)' },
    cell: ({ getValue }) => (
      <span title="Compute price per GPU per hour (storage left out)">
        {formatPrice(getValue())}
      </span>
    ),
  }),
  col.display({
    id: 'seen',
    header: 'Vs. seen',
    enableSorting: false,
    meta: { label: 'Price vs. seen', showFrom: 'xl' },
    cell: ({ row, table }) => {
      const pct = table.options.meta?.priceSeen?.(row.original)
      return pct == null ? (
        '—'
      ) : (
        <StatusBadge
          tone={pct >= 75 ? 'success' : pct >= 25 ? 'neutral' : 'warning'}
          className="font-normal"
        >
          cheaper than {pct}% seen
        </StatusBadge>
      )
    },
  }),
  col.display({
    id: 'seen-before',
    header: 'Seen before',
    enableSorting: false,
    meta: { label: 'Seen before (this machine)', showFrom: '2xl' },
    cell: ({ row, table }) => <SeenBefore facts={table.options.meta?.seenFacts?.(row.original)} />,
  }),
  col.accessor((offer) => offer.dlperf_per_dphtotal ?? undefined, {
    id: 'dlperf-usd',
    header: 'DLPerf/$',
    sortFn: 'basic',
    sortUndefined: 'last',
    meta: { align: 'end', showFrom: 'xl' },
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
    meta: { showFrom: 'lg' },
    cell: ({ getValue }) => getValue() ?? '—',
  }),
  col.accessor((offer) => offer.duration ?? undefined, {
    id: 'duration',
    header: 'Max duration',
    sortFn: 'basic',
    sortUndefined: 'last',
    meta: { align: 'end', showFrom: 'xl' },
    cell: ({ getValue }) => formatDuration(getValue()),
  }),
  col.accessor((offer) => (isVerified(offer) ? 1 : 0), {
    id: 'verified',
    header: 'Verified',
    sortFn: 'basic',
    cell: ({ row }) => <VerifiedBadge verified={isVerified(row.original)} />,
  }),
  col.accessor((offer) => offer.cpu_cores_effective ?? undefined, {
    id: 'cpu',
    header: 'CPU cores',
    sortFn: 'basic',
    sortUndefined: 'last',
    meta: { align: 'end', label: 'CPU cores' },
    cell: ({ getValue }) => formatNumber(getValue()),
  }),
  col.accessor((offer) => offer.cpu_ram ?? undefined, {
    id: 'ram',
    header: 'RAM',
    sortFn: 'basic',
    sortUndefined: 'last',
    meta: { align: 'end', label: 'RAM' },
    cell: ({ getValue }) => formatGb(getValue()),
  }),
  col.accessor((offer) => offer.disk_space ?? undefined, {
    id: 'disk',
    header: 'Disk',
    sortFn: 'basic',
    sortUndefined: 'last',
    meta: { align: 'end', label: 'Disk' },
    cell: ({ getValue }) => {
      const gb = getValue()
      return gb === undefined ? '—' : `${Math.round(gb)} GB`
    },
  }),
  col.accessor((offer) => offer.inet_down ?? undefined, {
    id: 'down',
    header: 'Down Mbps',
    sortFn: 'basic',
    sortUndefined: 'last',
    meta: { align: 'end', label: 'Download' },
    cell: ({ getValue }) => formatNumber(getValue()),
  }),
  col.accessor((offer) => offer.inet_up ?? undefined, {
    id: 'up',
    header: 'Up Mbps',
    sortFn: 'basic',
    sortUndefined: 'last',
    meta: { align: 'end', label: 'Upload' },
    cell: ({ getValue }) => formatNumber(getValue()),
  }),
  col.accessor((offer) => offer.cuda_max_good ?? undefined, {
    id: 'cuda',
    header: 'CUDA',
    sortFn: 'basic',
    sortUndefined: 'last',
    meta: { align: 'end', label: 'CUDA' },
    cell: ({ getValue }) => formatNumber(getValue()),
  }),
  col.accessor((offer) => offer.compute_cap ?? undefined, {
    id: 'compute-cap',
    header: 'Compute cap.',
    sortFn: 'basic',
    sortUndefined: 'last',
    meta: { align: 'end', label: 'Compute capability' },
    cell: ({ getValue }) => {
      const cap = getValue()
      return cap === undefined ? '—' : (cap / 100).toFixed(1)
    },
  }),
  col.accessor((offer) => offer.dlperf ?? undefined, {
    id: 'dlperf',
    header: 'DLPerf',
    sortFn: 'basic',
    sortUndefined: 'last',
    meta: { align: 'end', label: 'DLPerf' },
    cell: ({ getValue }) => formatNumber(getValue()),
  }),
  col.accessor((offer) => offer.total_flops ?? undefined, {
    id: 'tflops',
    header: 'TFLOPS',
    sortFn: 'basic',
    sortUndefined: 'last',
    meta: { align: 'end', label: 'TFLOPS' },
    cell: ({ getValue }) => formatNumber(getValue()),
  }),
  col.accessor((row) => row.jobCost, {
    id: 'job-cost',
    header: 'Job cost',
    sortFn: 'basic',
    sortDescFirst: false,
    sortUndefined: 'last',
    meta: { align: 'end', label: 'Job cost' },
    cell: ({ getValue }) => formatUsd(getValue()),
  }),
  col.display({
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    enableSorting: false,
    enableHiding: false,
    meta: { align: 'end', label: 'Actions' },
    cell: ({ row, table }) => {
      const meta = table.options.meta
      return meta ? (
        <OfferRowActions
          offer={row.original}
          onRent={meta.onRent}
          compared={meta.compared?.has(row.original.id)}
          compareFull={(meta.compared?.size ?? 0) >= MAX_COMPARE}
          onToggleCompare={meta.onToggleCompare}
        />
      ) : null
    },
  }),
])

/** Columns the chooser starts with hidden (persisted once the user changes it). */
export const DEFAULT_HIDDEN_COLUMNS = [
  'cpu',
  'ram',
  'disk',
  'down',
  'up',
  'cuda',
  'compute-cap',
  'dlperf',
  'tflops',
] as const
