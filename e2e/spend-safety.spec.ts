import { expect, openRentDialog, signIn, test, stringField } from './fixtures'

test.describe('Auto-stop and spend guards', () => {
  test('a rental with "Stop after 2 hours" carries the snippet; the card counts down and Extend moves the deadline', async ({
    page,
    sim,
  }) => {
    await signIn(page, sim.key)
    await page.goto('/')
    const dialog = await openRentDialog(page)
    await dialog.getByLabel('Auto-stop').selectOption('stop')
    await dialog.getByLabel('Hours').fill('2')
    await dialog.getByRole('button', { name: 'Rent', exact: true }).click()

    const [rental] = await sim.requests({ method: 'PUT', path: /^\/api\/v0\/asks\/\d+\/$/ })
    const onstart = stringField(rental?.body, 'onstart')
    expect(onstart).toMatch(/^# vast-console auto-stop v2 \(rules \d+\.s\.0\.0\)\n/)
    expect(onstart).not.toContain(sim.key)

    const card = page.getByRole('article', { name: /^Instance \d+/ })
    await expect(card).toContainText(/Auto-stop in 1 h 59 min/)
    await card.getByRole('button', { name: 'Extend 1 h' }).click()
    await expect(card).toContainText(/Auto-stop in 2 h 59 min/)
    const labelPuts = await sim.requests({ method: 'PUT', path: /^\/api\/v0\/instances\/\d+\/$/ })
    expect(labelPuts).toHaveLength(1)
    expect(stringField(labelPuts[0]?.body, 'label')).toMatch(/^autostop@\d+$/)
    await expect(card.getByRole('heading')).toHaveText(/^Instance \d+$/)
  })

  test('a rental above the $/hr cap needs RENT typed before it is sent', async ({ page, sim }) => {
    await signIn(page, sim.key)
    await page.goto('/?tab=instances')
    await page.getByText('Spend guards').click()
    await page.getByLabel('Max $/hr per rental').fill('0.01')
    await page.getByRole('button', { name: 'Save guards' }).click()
    await page.getByRole('tab', { name: 'Offers' }).click()
    const dialog = await openRentDialog(page)
    const guard = dialog.getByRole('region', { name: 'Spend guard' })
    await expect(guard).toContainText(/above your cap of \$0\.010\/hr/)
    const rent = dialog.getByRole('button', { name: 'Rent', exact: true })
    await expect(rent).toBeDisabled()
    await guard.getByLabel('Type RENT to rent anyway').fill('rent')
    await expect(rent).toBeDisabled()
    expect(await sim.requests({ method: 'PUT', path: /\/asks\// })).toHaveLength(0)
    await guard.getByLabel('Type RENT to rent anyway').fill('RENT')
    await rent.click()
    await expect(page.getByRole('article', { name: /^Instance \d+/ })).toHaveCount(1)
    expect(await sim.requests({ method: 'PUT', path: /\/asks\// })).toHaveLength(1)
  })
})
