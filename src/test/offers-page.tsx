import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { vi } from 'vitest'
import type { OfferSearchResult } from '../api/offers/endpoints'
import { getWorld, requestLog, TEST_KEY, type World } from '../simulator/model'
import { renderWithClient } from './render'
import { Toaster } from '../ui/toaster'
import { DEFAULT_FILTERS, type OfferFilters } from '../offers/filters/offer-filters'
import { offerSearchOptions } from '../offers/offer-search'
import { OffersPage } from '../offers/offers-page'

/** Shared helpers of the offers-page tests. */
export const SLOW = { timeout: 6_000 }
export function world(): World {
  const found = getWorld(TEST_KEY)
  if (!found) throw new Error('The simulator has no test world')
  return found
}
export const searches = () =>
  requestLog(world()).filter((r) => r.method === 'POST' && r.path === '/api/v0/bundles/')
export const rentals = () =>
  requestLog(world()).filter((r) => r.method === 'PUT' && r.path.startsWith('/api/v0/asks/'))
export function renderPage() {
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
    const data = view.client.getQueryData(offerSearchOptions(view.client, filters).queryKey)
    if (!data) throw new Error('No search result in the cache')
    return data
  }
  return { ...view, user, onRented, loaded }
}
export const table = () => screen.findByRole('table', { name: 'GPU offers' }, SLOW)
/** Body rows: every row but the header row. */
export const bodyRows = (t: HTMLElement) => within(t).getAllByRole('row').slice(1)
export const cellText = (row: HTMLElement, index: number) =>
  within(row).getAllByRole('cell')[index]?.textContent ?? ''
/** "2× H100 SXM" → "H100 SXM". */
export const gpuModelOf = (row: HTMLElement) => cellText(row, 0).replace(/^\d+× /, '')
export async function openRentDialog(user: ReturnType<typeof userEvent.setup>, rowIndex = 0) {
  const t = await table()
  const row = bodyRows(t)[rowIndex]
  if (!row) throw new Error(`No row ${rowIndex}`)
  await user.click(within(row).getByRole('button', { name: 'Rent' }))
  return screen.getByRole('dialog', { name: /^Rent \d+× / })
}
