import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { vi } from 'vitest'
import type { Offer } from '../api/offers/schemas'
import { RentDialog } from '../offers/rent/rent-dialog'
import { renderWithClient } from './render'

/** The rent dialog of `offer` on its own, with its Rent button and a spy on `onRented`. */
export function renderRentDialog(offer: Offer, bid = false) {
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
  const dialog = screen.getByRole('dialog')
  const rent = within(dialog).getByRole('button', { name: 'Rent' })
  return { user, onRented, dialog, rent }
}
