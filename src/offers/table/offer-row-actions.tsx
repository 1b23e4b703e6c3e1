import { useId } from 'react'
import type { Offer } from '../../api/offers/schemas'
import { Button } from '../../ui/button'
import { offerDescription } from '../offer-format'
import { useRentWait } from '../rent-wait'

/**
 * The row's actions: a "Compare" checkbox (up to 4 offers side by side) and the Rent button,
 * named "Rent" and described by the offer it rents.
 */
export function OfferRowActions({
  offer,
  onRent,
  compared = false,
  compareFull = false,
  onToggleCompare,
}: {
  offer: Offer
  onRent: (offer: Offer) => void
  compared?: boolean
  /** Four offers are already picked: this one can only be unpicked. */
  compareFull?: boolean
  onToggleCompare?: (offer: Offer) => void
}) {
  const descriptionId = useId()
  const waitId = useId()
  const wait = useRentWait()
  return (
    <span className="inline-flex items-center gap-2">
      {onToggleCompare && (
        <input
          type="checkbox"
          aria-label={`Compare offer ${offer.id}`}
          checked={compared}
          disabled={!compared && compareFull}
          className="size-4 accent-accent"
          onChange={() => onToggleCompare(offer)}
        />
      )}
      <Button
        size="sm"
        variant="primary"
        aria-describedby={wait === null ? descriptionId : `${waitId} ${descriptionId}`}
        disabled={wait !== null}
        title={wait ?? undefined}
        data-rent-button=""
        onClick={() => onRent(offer)}
      >
        Rent
      </Button>
      {wait !== null && (
        <span id={waitId} className="sr-only">
          {wait}
        </span>
      )}
      <span id={descriptionId} className="sr-only">
        {offerDescription(offer)}
      </span>
    </span>
  )
}
