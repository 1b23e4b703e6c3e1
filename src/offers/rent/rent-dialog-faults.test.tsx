// A rental whose answer is lost is never resent, and the dialog says whether an instance
// appeared; a second tab cannot rent the same offer while one rental is in flight.
import { waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { acquireRentLock } from '../../api/rent-lock'
import type { Offer } from '../../api/offers/schemas'
import { simulate, type World } from '../../simulator/model'
import { rentPuts, worldWithOffer } from '../../test/rent-world'
import { openRentDialog } from '../../test/rent-dialog'

/** The dialog also reads SSH keys, templates and the instance list, paced: allow for them. */
const SLOW = { timeout: 8_000 }

let world: World
let offer: Offer

beforeEach(async () => {
  ;({ world, offer } = await worldWithOffer())
})

const rentals = () => rentPuts(world)

async function rentOnce() {
  const { user, onRented, dialog } = openRentDialog(offer)
  const confirm = within(dialog).getByRole('button', { name: 'Rent' })
  await user.click(confirm)
  return { dialog, confirm, user, onRented }
}

describe('rent under faults', () => {
  it('a dropped connection after the rent left: not resent, and the new instance is named', async () => {
    simulate(world, { rent: 'dropped' })
    const { dialog, confirm, user, onRented } = await rentOnce()
    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent('Could not reach Vast')
    expect(alert).toHaveTextContent('may or may not have gone through, so it was not sent again')
    const instanceId = [...world.instances.keys()][0]
    expect(
      await within(alert).findByText(
        new RegExp(`It did: instance ${instanceId} has appeared in your Instances list`),
      ),
    ).toBeInTheDocument()
    expect(confirm).toBeDisabled()
    await user.click(confirm)
    expect(rentals()).toHaveLength(1)
    expect(onRented).not.toHaveBeenCalled()
  })

  it('Vast unreachable: says the outcome cannot be told, and sends nothing again', async () => {
    simulate(world, { down: true })
    const { dialog } = await rentOnce()
    const alert = await within(dialog).findByRole('alert')
    expect(
      await within(alert).findByText(/Your instances could not be read either/, {}, SLOW),
    ).toBeInTheDocument()
    expect(rentals()).toHaveLength(1)
    expect(world.instances.size).toBe(0)
  })

  it('another tab renting the same offer: this tab sends nothing until that rental is over', async () => {
    const otherTab = acquireRentLock(offer.id)
    expect(otherTab).not.toBeNull()
    const { dialog, confirm, user, onRented } = await rentOnce()
    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent(/another tab is renting this offer/i)
    expect(alert).not.toHaveTextContent('Vast did not rent')
    expect(rentals()).toHaveLength(0)
    // Asking again while the other tab still holds the offer sends nothing either.
    await user.click(confirm)
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      /another tab is renting this offer/i,
    )
    expect(rentals()).toHaveLength(0)
    // Once the other tab's rental is over, this one goes, exactly once.
    otherTab?.()
    await user.click(confirm)
    await waitFor(() => expect(onRented).toHaveBeenCalledTimes(1), SLOW)
    expect(rentals()).toHaveLength(1)
  })
})
