import { CircleAlert } from 'lucide-react'
import type { Offer } from '../api/offers/schemas'
import { Button } from '../ui/button'
import { PanelSkeleton } from '../ui/skeleton'
import { toBundlesQuery } from './filters/filter-criteria'
import type { OfferFilters } from './filters/offer-filters'
import { type OfferSearch } from './offer-search'
import { FilterBreaks } from './filter-breaks'
import { LoadedOffers } from './loaded-offers'
import { NoOffers } from './no-offers'

export interface OfferResultsProps {
  data: OfferSearch | undefined
  error: Error | null
  isFetching: boolean
  /** The rows shown belong to the previous filters while the new search runs. */
  isPlaceholderData: boolean
  /** Seconds until a throttled (429) search is retried, or null. */
  throttledFor: number | null
  bid: boolean
  onRetry: () => void
  onRent: (offer: Offer) => void
  onResetFilters: () => void
  onChangeFilters?: (patch: Partial<OfferFilters>) => void
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
  throttledFor,
  bid,
  onRetry,
  onRent,
  onResetFilters,
  onChangeFilters,
}: OfferResultsProps) {
  const throttle = throttledFor !== null && (
    <p role="status" className="rounded bg-warning-soft px-3 py-1.5 text-sm text-warning-text">
      Throttled by Vast, retrying in {throttledFor} s
    </p>
  )
  if (data) {
    const count = data.offers.length
    return (
      <section aria-label="Search results" className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <p aria-live="polite" className="font-medium text-text">
            {count === 1 ? '1 offer' : `${count} offers`}
            {count > 0 && !data.complete && (
              <span className="font-normal text-muted"> shown, more match</span>
            )}
            {isFetching && throttledFor === null && (
              <span className="ml-2 font-normal text-muted">
                {isPlaceholderData ? 'Searching…' : 'Refreshing…'}
              </span>
            )}
            {data.local && !isFetching && (
              <span className="ml-2 font-normal text-muted">
                (narrowed from loaded results, no request)
              </span>
            )}
          </p>
          {count > 0 && !data.complete && (
            <p className="text-xs text-muted">
              The first {data.filters.limit} by the chosen order; Vast does not say how many match.
              Narrow the filters, or raise “Results” under More filters.
            </p>
          )}
          {data.dropped > 0 && (
            <p className="rounded bg-warning-soft px-2 py-0.5 text-warning-text">
              <span aria-hidden="true">⚠ </span>
              {data.dropped === 1
                ? '1 offer could not be read and is hidden'
                : `${data.dropped} offers could not be read and are hidden`}
            </p>
          )}
        </div>
        {throttle}
        {error && !isFetching && (
          <div className="flex flex-wrap items-center gap-2 rounded border border-border bg-surface-muted px-3 py-1.5 text-sm text-text-soft">
            <span>
              Couldn&apos;t refresh the offers ({error.message}). Showing the last results.
            </span>
            <Button size="sm" variant="ghost" onClick={onRetry}>
              Retry
            </Button>
          </div>
        )}
        <FilterBreaks offers={data.offers} filters={data.filters} />
        {count === 0 ? (
          <NoOffers
            key={JSON.stringify(toBundlesQuery(data.filters))}
            filters={data.filters}
            onResetFilters={onResetFilters}
            onChangeFilters={onChangeFilters}
          />
        ) : (
          <LoadedOffers offers={data.offers} type={data.filters.type} bid={bid} onRent={onRent} />
        )}
      </section>
    )
  }
  if (throttle) return throttle
  if (error) {
    return (
      <div
        role="alert"
        className="flex flex-col items-start gap-2 rounded-lg border border-danger-border bg-danger-soft p-4 text-sm"
      >
        <p className="flex items-center gap-2 font-medium text-danger-text">
          <CircleAlert aria-hidden="true" className="size-4" />
          Could not load offers
        </p>
        <p className="text-danger-text">{error.message}</p>
        <Button size="sm" onClick={onRetry}>
          Retry
        </Button>
      </div>
    )
  }
  return <PanelSkeleton label="Loading offers…" rows={8} />
}
