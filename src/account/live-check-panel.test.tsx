import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { submitApiKey } from '../api/api-key-store'
import { createWorld } from '../simulator/model'
import { renderWithClient } from '../test/render'
import LiveCheckPanel from './live-check-panel'

describe('Check connection with Vast', () => {
  it('runs the read-only check and shows its table, announcing the result', async () => {
    const world = createWorld({ rateLimits: false })
    submitApiKey(world.key, false)
    const user = userEvent.setup()
    renderWithClient(<LiveCheckPanel />)
    await user.click(screen.getByRole('button', { name: 'Check connection with Vast' }))
    expect(
      await screen.findByText(/Check finished\. Every call answered/, {}, { timeout: 15_000 }),
    ).toHaveRole('status')
    const table = screen.getByRole('table', { name: /Connection check with Vast/ })
    const row = within(table).getByRole('row', { name: /GET \/api\/v0\/users\/current\// })
    expect(within(row).getByRole('cell', { name: /^ok/ })).toBeInTheDocument()
    expect(within(table).getByRole('columnheader', { name: 'Sent, not known' })).toBeVisible()
    expect(world.log.every((r) => r.method === 'GET' || r.path === '/api/v0/bundles/')).toBe(true)
    expect(document.body.textContent).not.toContain(world.key)
  }, 20_000)
})
