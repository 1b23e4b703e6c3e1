import { memo, useState } from 'react'
import type { Offer } from '../../api/offers/schemas'
import { formatDuration, formatGb, formatPercent, formatPrice } from '../../domain/format'
import { Button } from '../../ui/button'
import { perGpuHour } from '../history/price-stats'
import { VerifiedBadge } from './verified-badge'
import { gpuSummary, isVerified, offerReliability } from '../offer-format'
import { OfferRowActions } from './offer-row-actions'

/** Cards added per "Show more" (a phone lists a few at a time). */
export const CARDS_PER_PAGE = 40

/**
 * The offers on a phone: one card each with the GPU, the price and Rent on the first line, the
 * rest below. In the order the search (or the table's sort) gave.
 */
export const OfferCards = memo(function OfferCards({
  offers,
  bid,
  onRent,
}: {
  offers: Offer[]
  bid: boolean
  onRent: (offer: Offer) => void
}) {
  const [shown, setShown] = useState(CARDS_PER_PAGE)
  return (
    <div className="flex flex-col gap-2">
      <ul aria-label="GPU offers" className="flex flex-col gap-2">
        {offers.slice(0, shown).map((offer) => (
          <li key={offer.id}>
            <article
              aria-label={`Offer ${offer.id}: ${gpuSummary(offer)}`}
              className="rounded-lg border border-border bg-surface px-3 py-2"
            >
              <div className="flex items-center gap-2">
                <h3 className="min-w-0 flex-1 truncate text-sm font-semibold text-text">
                  {gpuSummary(offer)}
                </h3>
                <p className="text-right leading-tight">
                  <span className="block font-semibold text-text tabular-nums">
                    {formatPrice(offer.dph_total)}
                  </span>
                  <span className="block text-xs text-muted tabular-nums">
                    {formatPrice(perGpuHour(offer))}/GPU
                  </span>
                </p>
                <OfferRowActions offer={offer} onRent={onRent} />
              </div>
              <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-text-soft">
                <span>{formatGb(offer.gpu_ram ?? undefined)} VRAM</span>
                <span>Reliability {formatPercent(offerReliability(offer) ?? undefined)}</span>
                {offer.geolocation && <span>{offer.geolocation}</span>}
                <span>Up to {formatDuration(offer.duration ?? undefined)}</span>
                {bid && offer.min_bid != null && <span>min bid {formatPrice(offer.min_bid)}</span>}
                <VerifiedBadge verified={isVerified(offer)} />
              </p>
            </article>
          </li>
        ))}
      </ul>
      {offers.length > shown && (
        <Button onClick={() => setShown((n) => n + CARDS_PER_PAGE)}>
          Show {Math.min(CARDS_PER_PAGE, offers.length - shown)} more of {offers.length - shown}
        </Button>
      )}
    </div>
  )
})
