import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, expect, it } from 'vitest'
import { submitApiKey } from '../api/api-key-store'
import { startDeviceCache } from '../api/device-cache-store'
import { simulate, TEST_KEY } from '../simulator/model'
import { memoryDevice } from '../test/memory-device'
import { bodyRows, renderPage, table, world } from '../test/offers-page'
import { createTestQueryClient, renderWithClient } from '../test/render'
import { OffersPage } from './offers-page'
import { SAVED_OFFERS_REASON } from './rent-wait'

beforeEach(() => {
  window.history.replaceState(null, '', '/')
  submitApiKey(TEST_KEY, true)
})

it('shows the offers kept on the device "as of" their time, with Rent waiting for Vast', async () => {
  const device = memoryDevice()
  // The earlier visit: the first search's answer is kept.
  const earlier = renderPage()
  const kept = startDeviceCache(earlier.client, device.storage)
  const firstRows = bodyRows(await table()).length
  await kept.flush()
  kept.stop()
  cleanup()

  // This visit: Vast does not answer the search at first.
  simulate(world(), { bundles: 'html_502' })
  const client = createTestQueryClient()
  const cache = startDeviceCache(client, device.storage)
  await cache.restored
  const user = userEvent.setup()
  renderWithClient(<OffersPage onRented={() => undefined} />, { client })

  const rows = bodyRows(screen.getByRole('table', { name: 'GPU offers' }))
  expect(rows).toHaveLength(firstRows)
  expect(screen.getByText(/^As of \d{2}:\d{2}$/)).toBeInTheDocument()
  const rent = within(rows[0] ?? document.body).getByRole('button', { name: 'Rent' })
  expect(rent).toBeDisabled()
  expect(rent).toHaveAccessibleDescription(new RegExp(`^${SAVED_OFFERS_REASON}`))
  expect(await screen.findByText(/^Couldn't refresh the offers/)).toBeInTheDocument()
  expect(rent).toBeDisabled()

  simulate(world(), { bundles: 'ok' })
  await user.click(screen.getByRole('button', { name: 'Retry' }))
  await waitFor(() =>
    expect(
      within(
        bodyRows(screen.getByRole('table', { name: 'GPU offers' }))[0] ?? document.body,
      ).getByRole('button', { name: 'Rent' }),
    ).toBeEnabled(),
  )
  expect(screen.queryByText(/^As of/)).not.toBeInTheDocument()
  cache.stop()
})
