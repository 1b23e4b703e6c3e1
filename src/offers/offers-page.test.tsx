import { screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { submitApiKey } from '../api/api-key-store'
import { offerQueries } from '../api/offers/queries'
import { simulate, TEST_KEY } from '../simulator/model'
import { DEFAULT_FILTERS, type OfferFilters } from './filters/offer-filters'
import {
  SLOW,
  world,
  searches,
  renderPage,
  table,
  bodyRows,
  cellText,
  gpuModelOf,
} from '../test/offers-page'
import { DEFAULT_SEARCH_FILTERS, DEFAULT_SEARCH_PAGE } from '../test/offer-filters'

beforeEach(() => {
  window.history.replaceState(null, '', '/')
  submitApiKey(TEST_KEY, false)
})

describe('OffersPage: search', () => {
  it('shows a loading state, then the offers from the simulator with a Rent button on each row', async () => {
    const { loaded } = renderPage()
    expect(screen.getByText('Loading offers…').closest('[role="status"]')).not.toBeNull()

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
      ...DEFAULT_SEARCH_FILTERS,
      ...DEFAULT_SEARCH_PAGE,
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
