import { expect, expectNoAxeViolations, Sim, signIn, test, rawInstances } from './fixtures'

test.describe('Command palette', () => {
  test('finds an instance by label and stops it after the confirmation', async ({
    page,
    request,
  }) => {
    const sim = await Sim.create(request, { instances: 6 })
    const target = (await rawInstances(request, sim.key)).find((r) => r.label === 'inference')
    expect(target).toBeDefined()
    const id = target?.id ?? 0
    await signIn(page, sim.key)
    await page.goto('/')
    await expect(page.getByRole('table', { name: 'GPU offers' })).toBeVisible()

    await page.keyboard.press('Control+k')
    const palette = page.getByRole('dialog', { name: 'Command palette' })
    await palette.getByRole('combobox').fill('inferen')
    await expect(palette.getByRole('option', { name: /^Instance \d+ · inference/ })).toHaveCount(1)
    // The chosen row and its hint stay readable in both themes.
    await expectNoAxeViolations(page)
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect(page.locator('html')).toHaveClass(/\bdark\b/)
    await expectNoAxeViolations(page)
    await page.keyboard.press('Enter')
    await palette.getByRole('combobox').fill('stop')
    await page.keyboard.press('Enter')
    await expect(palette).toHaveCount(0)

    const confirm = page.getByRole('dialog', { name: `Stop instance ${id}?` })
    await expect(confirm).toContainText('/day')
    expect(await sim.requests({ method: 'PUT' })).toEqual([])
    await confirm.getByRole('button', { name: 'Stop' }).click()
    await expect(confirm).toHaveCount(0)
    const puts = await sim.requests({ method: 'PUT' })
    expect(puts.map((r) => [r.path, r.body])).toEqual([
      [`/api/v0/instances/${id}/`, { state: 'stopped' }],
    ])
  })

  test('goes to a tab', async ({ page, sim }) => {
    await signIn(page, sim.key)
    await page.goto('/')
    await expect(page.getByRole('table', { name: 'GPU offers' })).toBeVisible()
    await page.keyboard.press('Control+k')
    // The field has the focus at once: typing goes straight into it.
    await expect(
      page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox'),
    ).toBeFocused()
    await page.keyboard.type('spending')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('tab', { name: /^Spending/ })).toHaveAttribute(
      'aria-selected',
      'true',
    )
  })
})
