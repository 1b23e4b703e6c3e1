import { useId } from 'react'
import type { Offer } from '../api/schemas'
import { Button } from '../ui/button'
import { offerDescription } from './offer-format'

/** The row's Rent button, named "Rent" and described by the offer it rents. */
export function OfferRowActions({
  offer,
  onRent,
}: {
  offer: Offer
  onRent: (offer: Offer) => void
}) {
  const descriptionId = useId()
  return (
    <>
      <Button
        size="sm"
        variant="primary"
        aria-describedby={descriptionId}
        onClick={() => onRent(offer)}
      >
        Rent
      </Button>
      <span id={descriptionId} className="sr-only">
        {offerDescription(offer)}
      </span>
    </>
  )
}
