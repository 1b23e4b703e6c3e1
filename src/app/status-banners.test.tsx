import { onlineManager, useQuery } from '@tanstack/react-query'
import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { submitApiKey } from '../api/api-key-store'
import { instanceQueries } from '../api/instances/queries'
import { reportThrottled } from '../api/throttle-store'
import { createWorld, simulate, type World } from '../simulator/model'
import { renderWithClient } from '../test/render'
import { PanelBoundary } from './panel-boundary'
import { StatusBanners } from './status-banners'

function InstanceCount() {
  const { data } = useQuery(instanceQueries.list())
  return <p>{data ? `${data.instances.length} instances` : 'loading'}</p>
}

let world: World
beforeEach(() => {
  world = createWorld({ rateLimits: false, instances: 3 })
  submitApiKey(world.key, false)
})
afterEach(() => onlineManager.setOnline(true))

describe('StatusBanners', () => {
  it('Vast down: a banner, the last data kept and marked stale, and recovery on retry', async () => {
    const user = userEvent.setup()
    const { client } = renderWithClient(
      <>
        <StatusBanners />
        <InstanceCount />
      </>,
    )
    expect(await screen.findByText('3 instances')).toBeInTheDocument()
    expect(screen.queryByText(/Vast is not answering/)).not.toBeInTheDocument()

    simulate(world, { down: true })
    await act(() => client.refetchQueries())
    const banner = await screen.findByText(/Vast is not answering/)
    expect(banner).toHaveTextContent(/Showing the data last received at .+; it may be out of date/)
    expect(screen.getByText('3 instances')).toBeInTheDocument()

    simulate(world, { down: false })
    await user.click(screen.getByRole('button', { name: 'Retry now' }))
    await act(() => Promise.resolve())
    await expect.poll(() => screen.queryByText(/Vast is not answering/)).toBeNull()
    expect(screen.getByText('3 instances')).toBeInTheDocument()
  })

  it('offline: says so and keeps the data', async () => {
    renderWithClient(
      <>
        <StatusBanners />
        <InstanceCount />
      </>,
    )
    expect(await screen.findByText('3 instances')).toBeInTheDocument()
    act(() => onlineManager.setOnline(false))
    expect(await screen.findByText(/You are offline/)).toHaveTextContent(
      /Showing the data last received at/,
    )
    act(() => onlineManager.setOnline(true))
    await expect.poll(() => screen.queryByText(/You are offline/)).toBeNull()
  })

  it('throttled: a status line while calls are held back', async () => {
    renderWithClient(<StatusBanners />)
    expect(screen.queryByText(/Throttled/)).not.toBeInTheDocument()
    act(() => reportThrottled(60_000))
    const line = await screen.findByText(/Throttled/)
    expect(line.closest('[role="status"]')).not.toBeNull()
  })
})

function Boom(): never {
  throw new Error('row 3: <img src=x onerror=alert(1)>')
}

describe('PanelBoundary', () => {
  it('contains a crash to its panel, shows the message as text, and can start over', async () => {
    const user = userEvent.setup()
    const original = console.error
    console.error = () => undefined
    try {
      renderWithClient(
        <>
          <PanelBoundary name="Instances">
            <Boom />
          </PanelBoundary>
          <PanelBoundary name="Account">
            <p>Account still here</p>
          </PanelBoundary>
        </>,
      )
      const alert = screen.getByRole('alert', { name: 'Instances panel error' })
      expect(alert).toHaveTextContent('The Instances panel hit a problem')
      expect(alert).toHaveTextContent('<img src=x onerror=alert(1)>')
      expect(alert.querySelector('img')).toBeNull()
      expect(screen.getByText('Account still here')).toBeInTheDocument()
      await user.click(within(alert).getByRole('button', { name: 'Reload Instances' }))
      expect(screen.getByRole('alert', { name: 'Instances panel error' })).toBeInTheDocument()
    } finally {
      console.error = original
    }
  })
})
