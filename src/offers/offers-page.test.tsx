import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { submitApiKey } from '../api/api-key-store'
import type { OfferSearchResult } from '../api/endpoints'
import { offerQueries } from '../api/queries'
import { getWorld, requestLog, simulate, TEST_KEY, type World } from '../simulator/model'
import { renderWithClient } from '../test/render'
import { formatRate, formatUsd } from '../ui/format'
import { Toaster } from '../ui/toaster'
import { DEFAULT_FILTERS, type OfferFilters } from './filters/offer-filters'
import { toBundlesQuery } from './filters/filter-criteria'
import { OffersPage } from './offers-page'

const SLOW = { timeout: 6_000 }

function world(): World {
  const found = getWorld(TEST_KEY)
  if (!found) throw new Error('The simulator has no test world')
  return found
}

const searches = () =>
  requestLog(world()).filter((r) => r.method === 'POST' && r.path === '/api/v0/bundles/')
const rentals = () =>
  requestLog(world()).filter((r) => r.method === 'PUT' && r.path.startsWith('/api/v0/asks/'))

function renderPage() {
  const onRented = vi.fn<(id: number) => void>()
  const user = userEvent.setup()
  const view = renderWithClient(
    <>
      <OffersPage onRented={onRented} />
      <Toaster />
    </>,
  )
  /** The offers as the page's search returned them (read from the query cache). */
  const loaded = (filters: OfferFilters = DEFAULT_FILTERS): OfferSearchResult => {
    const data = view.client.getQueryData(offerQueries.search(toBundlesQuery(filters)).queryKey)
    if (!data) throw new Error('No search result in the cache')
    return data
  }
  return { ...view, user, onRented, loaded }
}

const table = () => screen.findByRole('table', { name: 'GPU offers' })
/** Body rows: every row but the header row. */
const bodyRows = (t: HTMLElement) => within(t).getAllByRole('row').slice(1)
const cellText = (row: HTMLElement, index: number) =>
  within(row).getAllByRole('cell')[index]?.textContent ?? ''
/** "2× H100 SXM" → "H100 SXM". */
const gpuModelOf = (row: HTMLElement) => cellText(row, 0).replace(/^\d+× /, '')

async function openRentDialog(user: ReturnType<typeof userEvent.setup>, rowIndex = 0) {
  const t = await table()
  const row = bodyRows(t)[rowIndex]
  if (!row) throw new Error(`No row ${rowIndex}`)
  await user.click(within(row).getByRole('button', { name: 'Rent' }))
  return screen.getByRole('dialog', { name: /^Rent \d+× / })
}

beforeEach(() => {
  window.history.replaceState(null, '', '/')
  submitApiKey(TEST_KEY, false)
})

describe('OffersPage: search', () => {
  it('shows a loading state, then the offers from the simulator with a Rent button on each row', async () => {
    const { loaded } = renderPage()
    expect(screen.getByText('Loading offers…')).toHaveAttribute('role', 'status')

    const t = await table()
    const { offers } = loaded()
    // 100 offers: the table holds them all (aria-rowcount) and renders the visible ones.
    const rows = bodyRows(t)
    expect(t).toHaveAttribute('aria-rowcount', String(offers.length + 1))
    expect(rows.length).toBeGreaterThan(10)
    expect(rows.length).toBeLessThan(offers.length)
    expect(screen.getByText(`${offers.length} offers`)).toBeInTheDocument()
    expect(within(t).getAllByRole('button', { name: 'Rent' })).toHaveLength(rows.length)

    const first = offers[0]
    const firstRow = rows[0]
    if (!first || !firstRow) throw new Error('no offers')
    expect(cellText(firstRow, 0)).toBe(`${first.num_gpus}× ${first.gpu_name}`)
    expect(cellText(firstRow, 2)).toBe(`$${first.dph_total.toFixed(3)}`)
    expect(within(firstRow).getByText('Verified')).toBeInTheDocument()
    // The Rent button says which offer it rents.
    expect(within(firstRow).getByRole('button', { name: 'Rent' })).toHaveAccessibleDescription(
      new RegExp(`${first.num_gpus}× ${first.gpu_name}.*offer ${first.id}`),
    )

    // The default search, as Vast's CLI sends it.
    expect(searches()[0]?.body).toEqual({
      verified: { eq: true },
      rentable: { eq: true },
      rented: { eq: false },
      external: { eq: false },
      order: [['score', 'desc']],
      type: 'on-demand',
      limit: 100,
      allocated_storage: 10,
    })
  })

  it('searches for a GPU model typed into "GPU model" and shows only its offers', async () => {
    window.history.replaceState(null, '', '/?limit=50')
    const { user, loaded } = renderPage()
    const t = await table()
    expect(new Set(bodyRows(t).map(gpuModelOf)).size).toBeGreaterThan(1)

    const gpuModel = screen.getByRole('combobox', { name: 'GPU model' })
    await user.type(gpuModel, 'H100 SXM')
    expect(gpuModel).toHaveValue('H100 SXM')
    expect(window.location.search).toBe('?gpu=H100+SXM&limit=50')

    const h100: OfferFilters = { ...DEFAULT_FILTERS, gpuModels: ['H100 SXM'], limit: 50 }
    await waitFor(
      () => expect(screen.getByText(`${loaded(h100).offers.length} offers`)).toBeInTheDocument(),
      SLOW,
    )
    const models = bodyRows(await table()).map(gpuModelOf)
    expect(models.length).toBeGreaterThan(0)
    expect(new Set(models)).toEqual(new Set(['H100 SXM']))
    // Typing was debounced into one search, with the name spelled with spaces.
    expect(searches()).toHaveLength(2)
    expect(searches()[1]?.body).toMatchObject({ gpu_name: { eq: 'H100 SXM' } })
  })

  it('reads its filters from the URL, keeps other parameters, and writes changes back', async () => {
    window.history.replaceState(null, '', '/?tab=offers&gpus=8&type=bid&limit=oops')
    const { user } = renderPage()
    await table()
    expect(searches()[0]?.body).toMatchObject({ num_gpus: { eq: 8 }, type: 'bid', limit: 100 })
    expect(screen.getByRole('combobox', { name: 'Number of GPUs' })).toHaveValue('8')
    expect(screen.getByRole('combobox', { name: 'Pricing' })).toHaveValue('bid')

    await user.click(screen.getByRole('checkbox', { name: 'Direct ports only' }))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Lowest price')
    const params = new URLSearchParams(window.location.search)
    expect(params.get('tab')).toBe('offers')
    expect(params.get('direct')).toBe('1')
    expect(params.get('sort')).toBe('price-asc')
    expect(params.get('gpus')).toBe('8')

    await waitFor(() => expect(searches()).toHaveLength(2), SLOW)
    expect(searches()[1]?.body).toMatchObject({
      num_gpus: { eq: 8 },
      direct_port_count: { gte: 1 },
      order: [['dph_total', 'asc']],
    })
  })

  it('sorts the loaded rows when a column header is clicked, without a new search', async () => {
    window.history.replaceState(null, '', '/?limit=50')
    const { user } = renderPage()
    const t = await table()
    const priceHeader = within(t).getByRole('columnheader', { name: /\$\/hr/ })
    expect(priceHeader).toHaveAttribute('aria-sort', 'none')

    await user.click(within(priceHeader).getByRole('button', { name: '$/hr' }))
    expect(priceHeader).toHaveAttribute('aria-sort', 'ascending')
    const prices = bodyRows(t).map((row) => Number(cellText(row, 2).replace('$', '')))
    expect(prices).toEqual([...prices].sort((a, b) => a - b))

    await user.click(within(priceHeader).getByRole('button', { name: '$/hr' }))
    expect(priceHeader).toHaveAttribute('aria-sort', 'descending')
    const descending = bodyRows(t).map((row) => Number(cellText(row, 2).replace('$', '')))
    expect(descending).toEqual([...descending].sort((a, b) => b - a))
    expect(searches()).toHaveLength(1)
  })

  it('says so when no offer matches, and offers a way back', async () => {
    const { user } = renderPage()
    await table()
    await user.type(screen.getByRole('combobox', { name: 'GPU model' }), 'Voodoo 5{Enter}')
    expect(
      await screen.findByText('No offers match these filters', undefined, SLOW),
    ).toBeInTheDocument()
    expect(screen.getByText('0 offers')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Use default filters' }))
    expect(screen.getByRole('combobox', { name: 'GPU model' })).toHaveValue('')
    expect(await table()).toBeInTheDocument()
    expect(window.location.search).toBe('')
  })

  it('shows an error with Retry when the search fails, and the offers once it works', async () => {
    simulate(world(), { bundles: 'html_502' })
    const { user } = renderPage()
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not load offers')
    expect(alert).toHaveTextContent('Vast answered with a server error (502): 502 Bad Gateway')

    simulate(world(), { bundles: 'ok' })
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await screen.findByRole('table', { name: 'GPU offers' }, SLOW)).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('keeps the rows on screen when a refresh fails', async () => {
    const { client, loaded } = renderPage()
    await table()
    const count = loaded().offers.length
    simulate(world(), { bundles: 'html_502' })
    await client.refetchQueries({ queryKey: offerQueries.all() })
    expect(await screen.findByText(/Couldn't refresh the offers/)).toBeInTheDocument()
    expect(await table()).toHaveAttribute('aria-rowcount', String(count + 1))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('warns when some offers could not be read', async () => {
    simulate(world(), { bundles: 'malformed_rows' })
    renderPage()
    await table()
    expect(screen.getByText('3 offers could not be read and are hidden')).toBeInTheDocument()
  })
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
    })
  })

  it('ignores a second submit that gets past the disabled button (the guard is set before mutate)', async () => {
    const { user, client, onRented } = renderPage()
    const dialog = await openRentDialog(user)
    const form = within(dialog).getByRole('button', { name: 'Rent' }).closest('form')
    if (!form) throw new Error('the Rent button is not in a form')
    fireEvent.submit(form)
    fireEvent.submit(form)
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

    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent('may or may not have gone through')
    // The fresh instance list shows the rental did go through (issue 5: tell the user).
    expect(
      await within(alert).findByText(/It did: instance \d+ has appeared in your Instances list/),
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
    expect(rentals()[0]?.body).toMatchObject({ price })
  })
})
