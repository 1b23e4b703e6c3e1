import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { vi } from 'vitest'
import type { Offer } from '../api/offers/schemas'
import { RentDialog } from '../offers/rent/rent-dialog'
import { renderWithClient } from './render'

/** The rent dialog open on `offer`, with a user to drive it and spies on what it rented and closing. */
export function openRentDialog(offer: Offer, bid = false) {
  const user = userEvent.setup()
  const onRented = vi.fn<(id: number) => void>()
  const onClose = vi.fn<() => void>()
  const { unmount } = renderWithClient(
    <RentDialog offerId={offer.id} offer={offer} bid={bid} onClose={onClose} onRented={onRented} />,
  )
  return { user, onRented, onClose, unmount, dialog: screen.getByRole('dialog') }
}
