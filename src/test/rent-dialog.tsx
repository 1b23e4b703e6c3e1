import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { vi } from 'vitest'
import type { Offer } from '../api/offers/schemas'
import { RentDialog } from '../offers/rent/rent-dialog'
import { renderWithClient } from './render'

/** The rent dialog open on `offer`, with a user to drive it and a spy on what it rented. */
export function openRentDialog(offer: Offer, bid = false) {
  const user = userEvent.setup()
  const onRented = vi.fn<(id: number) => void>()
  renderWithClient(
    <RentDialog
      offerId={offer.id}
      offer={offer}
      bid={bid}
      onClose={() => undefined}
      onRented={onRented}
    />,
  )
  return { user, onRented, dialog: screen.getByRole('dialog') }
}
