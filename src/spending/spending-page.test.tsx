import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { submitApiKey } from '../api/api-key-store'
import { createWorld, type World } from '../simulator/model'
import { renderWithClient } from '../test/render'
import { resetBudgets } from './budget-store'
import { SpendingPage } from './spending-page'

const WAIT = { timeout: 8_000 }
let world: World

beforeEach(() => {
  world = createWorld({ instances: 6, rateLimits: false })
  submitApiKey(world.key, false)
  resetBudgets()
})

describe('SpendingPage', () => {
  it('shows the month’s totals, charts with table alternatives, and the rows', async () => {
    renderWithClient(<SpendingPage onOpenInstance={() => undefined} />)
    expect(screen.getByRole('heading', { name: 'Spending', level: 1 })).toBeInTheDocument()
    const totals = await screen.findByRole('region', { name: 'Totals' }, WAIT)
    expect(within(totals).getByText(/^\d+ rows$/)).toBeVisible()
    // Each chart has a table with the same figures (for screen readers).
    expect(screen.getByRole('table', { name: 'By label' })).toBeInTheDocument()
    expect(screen.getByRole('table', { name: 'Spend per day' })).toBeInTheDocument()
    expect(screen.getByRole('figure', { name: 'By GPU model' })).toBeInTheDocument()
    expect(screen.getByRole('table', { name: /^Charges \d{4}-\d{2}-\d{2} to/ })).toBeVisible()
  })

  it('says budgets stay on the device; auto-stop needs the label typed once', async () => {
    const user = userEvent.setup()
    renderWithClient(<SpendingPage onOpenInstance={() => undefined} />)
    const budgets = await screen.findByRole('region', { name: 'Budgets' }, WAIT)
    expect(budgets).toHaveTextContent('kept in this browser only')
    await user.type(within(budgets).getByRole('textbox', { name: 'Label' }), 'proj-a/')
    await user.click(
      within(budgets).getByRole('checkbox', { name: 'Every label starting with this' }),
    )
    await user.type(within(budgets).getByRole('textbox', { name: 'Per month (USD)' }), '100000')
    await user.click(within(budgets).getByRole('button', { name: 'Add budget' }))
    expect(await within(budgets).findByText('Labels starting proj-a/', {}, WAIT)).toBeVisible()

    await user.click(
      within(budgets).getByRole('button', { name: 'Stop proj-a/ instances at 100%…' }),
    )
    const dialog = screen.getByRole('dialog', { name: "Stop this label's instances at 100%?" })
    const turnOn = within(dialog).getByRole('button', { name: 'Turn on auto-stop' })
    await user.type(within(dialog).getByRole('textbox'), 'proj-a')
    expect(turnOn).toBeDisabled()
    await user.type(within(dialog).getByRole('textbox'), '/')
    await user.click(turnOn)
    expect(
      await within(budgets).findByRole('button', { name: 'Turn off auto-stop for proj-a/' }),
    ).toBeVisible()
  })
})
