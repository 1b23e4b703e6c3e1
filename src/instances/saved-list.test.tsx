import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, it } from 'vitest'
import { submitApiKey } from '../api/api-key-store'
import { startDeviceCache } from '../api/device-cache-store'
import { instanceQueries } from '../api/instances/queries'
import { createWorld, simulate, TEST_KEY } from '../simulator/model'
import { memoryDevice } from '../test/memory-device'
import { createTestQueryClient, renderWithClient } from '../test/render'
import { InstancesPage } from './instances-page'
import { setInstancesLayout } from './layout-store'
import { SAVED_LIST_REASON } from './saved-list'

it('shows the list kept on the device "as of" its time, with every action waiting for Vast', async () => {
  submitApiKey(TEST_KEY, true)
  setInstancesLayout('cards')
  const world = createWorld({ key: TEST_KEY, instances: 6 })
  const device = memoryDevice()
  // The earlier visit: the list fetched and kept.
  const earlier = createTestQueryClient()
  const kept = startDeviceCache(earlier, device.storage)
  await earlier.fetchQuery(instanceQueries.list())
  await kept.flush()
  kept.stop()

  // This visit: Vast does not answer at first.
  simulate(world, { instances: 'html_502' })
  const client = createTestQueryClient()
  const cache = startDeviceCache(client, device.storage)
  await cache.restored
  const user = userEvent.setup()
  renderWithClient(<InstancesPage />, { client })

  expect(screen.getAllByRole('article')).toHaveLength(6)
  expect(screen.getByText(/^As of \d{2}:\d{2}$/)).toBeInTheDocument()
  const running = screen
    .getAllByRole('article')
    .find((card) => within(card).queryByText('Running', { exact: true }))
  if (!running) throw new Error('no running instance in the seeded world')
  for (const name of ['Stop', 'Destroy', 'Reboot']) {
    const button = within(running).getByRole('button', { name })
    expect(button).toBeDisabled()
    expect(button).toHaveAccessibleDescription(SAVED_LIST_REASON)
  }
  expect(within(running).getByRole('button', { name: /Edit label/ })).toBeDisabled()
  // The refresh failed: the kept list stays, and so do the disabled actions.
  expect(await screen.findByText(/^Couldn't refresh/)).toBeInTheDocument()
  expect(within(running).getByRole('button', { name: 'Stop' })).toBeDisabled()

  simulate(world, { instances: 'ok' })
  await user.click(screen.getByRole('button', { name: 'Refresh' }))
  await waitFor(() => expect(within(running).getByRole('button', { name: 'Stop' })).toBeEnabled())
  expect(within(running).getByRole('button', { name: 'Destroy' })).toBeEnabled()
  expect(screen.queryByText(/^As of/)).not.toBeInTheDocument()
  cache.stop()
})
