import type { Offer } from '../api/offers/schemas'
import { filterBreaks } from './filters/filter-criteria'
import type { OfferFilters } from './filters/offer-filters'

/**
 * Rows Vast returned although they break an active filter (its search has known filter bugs):
 * listed with the reason, never shown as if they matched.
 */
export function FilterBreaks({
  offers,
  filters,
}: {
  offers: readonly Offer[]
  filters: OfferFilters
}) {
  const breaking = offers.flatMap((offer) => {
    const reasons = filterBreaks(offer, filters)
    return reasons.length > 0 ? [{ offer, reasons }] : []
  })
  if (breaking.length === 0) return null
  const title = `${breaking.length === 1 ? '1 row' : `${breaking.length} rows`} Vast returned break your filters`
  return (
    <section
      aria-label={title}
      className="rounded border border-warning-border bg-warning-soft px-3 py-2 text-sm text-warning-text"
    >
      <p className="font-medium">
        <span aria-hidden="true">⚠ </span>
        {title} (its search does not always apply every filter); they are marked here:
      </p>
      <ul className="mt-1 list-disc pl-5">
        {breaking.map(({ offer, reasons }) => (
          <li key={offer.id}>
            offer {offer.id} ({offer.num_gpus ?? '?'}× {offer.gpu_name ?? 'GPU'}) breaks{' '}
            {reasons.join('; ')}
          </li>
        ))}
      </ul>
    </section>
  )
}
