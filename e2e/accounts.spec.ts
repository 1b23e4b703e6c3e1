import { expect, expectNoAxeViolations, Sim, signIn, test } from './fixtures'

test.describe('several accounts', () => {
  test('account switch: a second key is added, both show in one view, and switching moves every action to the other key', async ({
    page,
    request,
  }) => {
    const personal = await Sim.create(request, { instances: 1 })
    const team = await Sim.create(request, { instances: 4 })
    await signIn(page, personal.key)
    await page.goto('/?tab=account')

    const form = page.getByRole('form', { name: 'Add another account' })
    await form.getByLabel('API key').fill(team.key)
    await form
      .getByRole('radio', { name: 'This session only (forgotten when the tab closes)' })
      .check()
    await form.getByRole('button', { name: 'Add account' }).click()
    await expect(page.getByText(`Added ${team.email}.`)).toBeVisible()
    const accounts = page.getByRole('list', { name: 'Accounts in this browser' })
    await expect(accounts.getByRole('listitem')).toHaveCount(2)
    await expect(accounts.getByRole('listitem').filter({ hasText: team.email })).toContainText(
      'this session only',
    )
    // Adding is not switching: the first account stays active.
    const switcher = page.getByRole('combobox', { name: 'Account' })
    await expect(switcher.locator('option:checked')).toHaveText(personal.email)
    await expect(page.locator('body')).not.toContainText(team.key)
    await expectNoAxeViolations(page)

    // One view of both accounts, each instance marked with its account.
    await page.getByRole('tab', { name: 'Instances' }).click()
    const all = page.getByRole('region', { name: 'All accounts' })
    await expect(all).toContainText('Spending now across 2 accounts')
    const perAccount = all.getByRole('table', { name: 'Spending per account' })
    await expect(perAccount.getByRole('row', { name: new RegExp(`^${team.email}`) })).toContainText(
      '1 running of 4',
    )
    await expect(
      perAccount.getByRole('row', { name: new RegExp(`^${personal.email}\\s*\\(active\\)`) }),
    ).toContainText('1 running of 1')
    await all.getByText(/^Every instance in every account \(\d+\)$/).click()
    const teamRows = all
      .getByRole('table', { name: 'Instances in every account' })
      .getByRole('row')
      .filter({ hasText: team.email })
    await expect(teamRows).toHaveCount(4)
    await expect(teamRows.filter({ hasText: 'notebook-old' })).toContainText('Stopped')
    await expect(page.getByRole('article', { name: /notebook-old/ })).toHaveCount(0)
    await expectNoAxeViolations(page)

    // Switch: the cards are now the team's, and the choice survives a reload.
    await switcher.selectOption({ label: team.email })
    await expect(page.getByRole('article', { name: /notebook-old/ })).toBeVisible()
    await expect(
      page.getByRole('heading', { name: `${team.email} (active account)` }),
    ).toBeVisible()
    await page.reload()
    await expect(
      page.getByRole('combobox', { name: 'Account' }).locator('option:checked'),
    ).toHaveText(team.email)
    const running = page
      .getByRole('article')
      .filter({ has: page.getByText('Running', { exact: true }) })
      .first()
    await expect(running).toBeVisible()

    // An action after the switch reaches the team's account, never the personal one.
    await running.getByRole('button', { name: 'Stop' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Stop' }).click()
    await expect
      .poll(
        async () =>
          (await team.requests({ method: 'PUT', path: /^\/api\/v0\/instances\/\d+\/$/ })).length,
      )
      .toBe(1)
    expect(await personal.requests({ method: 'PUT' })).toHaveLength(0)

    // Listing one account never marks the other account's instances destroyed.
    await page.getByRole('button', { name: 'Refresh' }).click()
    await expect(page.getByText('is gone (destroyed)')).toHaveCount(0)
  })
})
