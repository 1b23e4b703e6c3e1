import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { submitApiKey } from '../api/api-key-store'
import { simulate, TEST_KEY } from '../simulator/model'
import { formatRate, formatUsd } from '../domain/format'
import { DEFAULT_FILTERS } from './filters/offer-filters'
import {
  SLOW,
  world,
  searches,
  rentals,
  renderPage,
  table,
  bodyRows,
  openRentDialog,
} from '../test/offers-page'

beforeEach(() => {
  window.history.replaceState(null, '', '/')
  submitApiKey(TEST_KEY, false)
})

describe('OffersPage: renting', () => {
  it('validates the form with specific messages and sends nothing while it is invalid', async () => {
    const { user } = renderPage()
    const dialog = await openRentDialog(user)
    const disk = within(dialog).getByRole('spinbutton', { name: 'Disk (GB)' })
    const image = within(dialog).getByRole('textbox', { name: 'Docker image' })
    expect(image).toHaveValue('vastai/base-image:@vastai-automatic-tag')
    expect(disk).toHaveValue(10)
    expect(within(dialog).getByRole('radio', { name: 'SSH' })).toBeChecked()
    expect(within(dialog).getByRole('radiogroup', { name: 'Launch mode' })).toBeInTheDocument()

    await user.clear(disk)
    await user.type(disk, '5')
    await user.clear(image)
    await user.type(image, 'my image:latest')
    await user.click(within(dialog).getByRole('textbox', { name: 'Label' }))
    await user.paste('x'.repeat(257))
    await user.click(within(dialog).getByRole('button', { name: 'Rent' }))

    expect(within(dialog).getByText('Disk must be at least 8 GB.')).toBeInTheDocument()
    expect(disk).toHaveAccessibleDescription(/Disk must be at least 8 GB\./)
    expect(
      within(dialog).getByText('The image reference cannot contain spaces.'),
    ).toBeInTheDocument()
    expect(within(dialog).getByText('Label can be at most 256 characters.')).toBeInTheDocument()

    await user.clear(image)
    expect(within(dialog).getByText(/Enter a Docker image/)).toBeInTheDocument()
    expect(rentals()).toHaveLength(0)

    // Cancel closes without renting, and focus goes back to the row's Rent button.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    const firstRow = bodyRows(await table())[0]
    expect(firstRow && within(firstRow).getByRole('button', { name: 'Rent' })).toHaveFocus()
    expect(rentals()).toHaveLength(0)
  })

  it('previews the cost from the offer: GPU, storage, total, per day and while stopped', async () => {
    const { user, loaded } = renderPage()
    const dialog = await openRentDialog(user)
    const offer = loaded().offers[0]
    if (!offer) throw new Error('no offers')
    expect(dialog).toHaveAccessibleName(`Rent ${offer.num_gpus}× ${offer.gpu_name}`)

    const preview = within(dialog).getByRole('region', { name: 'Cost preview' })
    // 10 GB, the size the search priced: the total is the table's dph_total.
    expect(within(preview).getByText(formatRate(offer.dph_base))).toBeInTheDocument()
    expect(within(preview).getByText(formatRate(offer.dph_total))).toBeInTheDocument()

    const disk = within(dialog).getByRole('spinbutton', { name: 'Disk (GB)' })
    await user.clear(disk)
    await user.type(disk, '100')
    const storage = (100 * offer.storage_cost) / 720
    const total = offer.dph_base + storage
    expect(within(preview).getByText(/^Storage \(100 GB/)).toBeInTheDocument()
    expect(within(preview).getByText(formatRate(storage))).toBeInTheDocument()
    expect(within(preview).getByText(formatRate(total))).toBeInTheDocument()
    expect(within(preview).getByText(`${formatUsd(total * 24)}/day`)).toBeInTheDocument()
    expect(preview).toHaveTextContent(`While stopped: ${formatUsd(storage * 24)}/day for storage`)
  })

  it('rents exactly once on a double click, then toasts and reports the new instance', async () => {
    const { user, onRented, client } = renderPage()
    const dialog = await openRentDialog(user)
    await user.type(within(dialog).getByRole('textbox', { name: 'Label' }), 'my-job')
    await user.click(within(dialog).getByRole('radio', { name: 'Jupyter' }))
    const confirm = within(dialog).getByRole('button', { name: 'Rent' })
    // Vast takes its time to answer, so every click lands while the rental is on its way.
    simulate(world(), { latencyMs: 300 })
    await user.dblClick(confirm)
    await user.click(confirm)
    expect(confirm).toBeDisabled()
    expect(within(dialog).getByRole('status')).toHaveTextContent('Sending the rental to Vast…')
    // Requests to one endpoint are paced (4.5 s for rentals), so a second rental would still be
    // queued when the first lands: count the rentals started, not only those received.
    expect(client.getMutationCache().getAll()).toHaveLength(1)

    await waitFor(() => expect(onRented).toHaveBeenCalledTimes(1), SLOW)
    const instanceId = onRented.mock.calls[0]?.[0]
    expect(world().instances.has(instanceId ?? -1)).toBe(true)
    expect(await screen.findByText(`Rented instance ${instanceId}`)).toBeInTheDocument()
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()

    expect(rentals()).toHaveLength(1)
    expect(rentals()[0]?.body).toEqual({
      client_id: 'me',
      image: 'vastai/base-image:@vastai-automatic-tag',
      disk: 10,
      runtype: 'jupyter_direc ssh_direc ssh_proxy',
      env: {},
      label: 'my-job',
      cancel_unavail: true,
    })
  })

  it('ignores a second Ctrl+Enter that gets past the disabled button (the guard is set before mutate)', async () => {
    const { user, client, onRented } = renderPage()
    const dialog = await openRentDialog(user)
    const form = within(dialog).getByRole('button', { name: 'Rent' }).closest('form')
    if (!form) throw new Error('the Rent button is not in a form')
    // Enter alone never rents; Ctrl+Enter does, once however often it is pressed.
    fireEvent.submit(form)
    expect(client.getMutationCache().getAll()).toHaveLength(0)
    fireEvent.keyDown(form, { key: 'Enter', ctrlKey: true })
    fireEvent.keyDown(form, { key: 'Enter', ctrlKey: true })
    expect(client.getMutationCache().getAll()).toHaveLength(1)
    await waitFor(() => expect(onRented).toHaveBeenCalledTimes(1), SLOW)
    expect(rentals()).toHaveLength(1)
  })

  it('says the offer was just taken when it is gone, and refreshes the list', async () => {
    simulate(world(), { rent: 'offer_gone' })
    const { user, loaded } = renderPage()
    const dialog = await openRentDialog(user)
    const offerId = loaded().offers[0]?.id
    await user.click(within(dialog).getByRole('button', { name: 'Rent' }))

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/^This offer was just taken/)
    expect(within(dialog).getByRole('button', { name: 'Rent' })).toBeDisabled()
    // The search runs again and the taken offer leaves the table.
    await waitFor(() => expect(searches()).toHaveLength(2), SLOW)
    await waitFor(() => expect(loaded().offers.some((o) => o.id === offerId)).toBe(false), SLOW)
    expect(
      await within(dialog).findByText('This offer is no longer in the search results.'),
    ).toBeInTheDocument()
    expect(within(dialog).getByRole('alert')).toHaveTextContent(/^This offer was just taken/)
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(rentals()).toHaveLength(1)
  })

  it('never resends after an ambiguous failure and points to the Instances list', async () => {
    simulate(world(), { rent: 'server_error_html' })
    const { user, onRented } = renderPage()
    const dialog = await openRentDialog(user)
    const confirm = within(dialog).getByRole('button', { name: 'Rent' })
    await user.click(confirm)

    const alert = await within(dialog).findByRole('alert', {}, SLOW)
    expect(alert).toHaveTextContent('may or may not have gone through')
    // The fresh instance list (a paced read) shows the rental did go through: tell the user.
    expect(
      await within(alert).findByText(
        /It did: instance \d+ has appeared in your Instances list/,
        {},
        SLOW,
      ),
    ).toBeInTheDocument()
    expect(confirm).toBeDisabled()
    await user.click(confirm)
    expect(rentals()).toHaveLength(1)
    expect(onRented).not.toHaveBeenCalled()
  })

  it('bids on interruptible offers, starting at the minimum bid, and sends the bid as price', async () => {
    window.history.replaceState(null, '', '/?type=bid')
    const { user, loaded, onRented } = renderPage()
    const dialog = await openRentDialog(user)
    const offer = loaded({ ...DEFAULT_FILTERS, type: 'bid' }).offers[0]
    if (!offer?.min_bid) throw new Error('no min_bid')
    const bid = within(dialog).getByRole('textbox', { name: 'Bid ($/hr)' })
    expect(bid).toHaveValue((Math.ceil(offer.min_bid * 1000 - 1e-9) / 1000).toFixed(3))

    await user.clear(bid)
    await user.type(bid, '0.0001')
    await user.click(within(dialog).getByRole('button', { name: 'Rent' }))
    expect(
      within(dialog).getByText('Bid must be between $0.001 and $128 per hour.'),
    ).toBeInTheDocument()

    const price = (Math.ceil(offer.min_bid * 1000) + 5) / 1000
    await user.clear(bid)
    await user.type(bid, String(price))
    const preview = within(dialog).getByRole('region', { name: 'Cost preview' })
    expect(within(preview).getByText(formatRate(price))).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Rent' }))
    await waitFor(() => expect(onRented).toHaveBeenCalledTimes(1), SLOW)
    // Vast: without cancel_unavail a bid that cannot start now becomes a stopped instance.
    expect(rentals()[0]?.body).toMatchObject({ price, cancel_unavail: true })
  })
})
