// An interruptible rental that cannot start now fails unless the user asks for a stopped instance.
import { waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Offer } from '../../api/offers/schemas'
import type { World } from '../../simulator/model'
import { rentPuts, worldWithOffer } from '../../test/rent-world'
import { openRentDialog } from '../../test/rent-dialog'

let world: World
let offer: Offer

beforeEach(async () => {
  ;({ world, offer } = await worldWithOffer())
})

describe('bid rentals and cancel_unavail', () => {
  it('a stopped instance only when the user asks for one: then cancel_unavail is false', async () => {
    const { user, onRented, dialog } = openRentDialog(offer, true)
    const keep = within(dialog).getByRole('checkbox', {
      name: 'If the bid cannot start now, create a stopped instance instead',
    })
    expect(keep).not.toBeChecked()
    await user.click(keep)
    await user.click(within(dialog).getByRole('button', { name: 'Rent' }))
    await waitFor(() => expect(onRented).toHaveBeenCalledTimes(1))
    expect(rentPuts(world)[0]?.body).toMatchObject({ cancel_unavail: false })
  })
})
