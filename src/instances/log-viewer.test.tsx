import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { submitApiKey } from '../api/api-key-store'
import { getInstance } from '../api/instances/endpoints'
import { createWorld, simulate } from '../simulator/model'
import { renderWithClient } from '../test/render'
import { LogViewer } from './log-viewer'

const WAIT = { timeout: 5_000 }

describe('LogViewer', () => {
  it('shows Vast’s own msg when request_logs answers without a result_url', async () => {
    const world = createWorld({ instances: 1, rateLimits: false })
    submitApiKey(world.key, false)
    simulate(world, { logs: 'msg_only' })
    const [id] = [...world.instances.keys()]
    const instance = await getInstance(id ?? 0)
    if (!instance) throw new Error('no seeded instance')
    const user = userEvent.setup()
    renderWithClient(<LogViewer instance={instance} />)
    await user.click(screen.getByRole('button', { name: 'Logs' }))
    const dialog = screen.getByRole('dialog', { name: `Logs of instance ${instance.id}` })
    await user.click(within(dialog).getByRole('button', { name: 'Fetch logs' }))
    expect(
      await within(dialog).findByText(
        'Vast sent no log: Logs are not available for this instance yet.',
        {},
        WAIT,
      ),
    ).toBeVisible()
    expect(within(dialog).queryByRole('alert')).toBeNull()
    expect(within(dialog).queryByLabelText('Log text')).toBeNull()
  })
})
