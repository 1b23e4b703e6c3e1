import { expect, Sim, signIn, test } from './fixtures'

const HOUR = 3_600_000

test('a watched search fires once when the price drops, and its Rent action opens the offer', async ({
  page,
  request,
}) => {
  // Prices follow the simulator's daily wave: six model hours on, every GPU costs 20% less.
  const sim = await Sim.create(request, { priceWave: 0.2 })
  await signIn(page, sim.key)
  await page.addInitScript(() => {
    window.localStorage.setItem(
      'vast-console.saved-searches.v1',
      JSON.stringify([{ name: 'Cheapest', query: '' }]),
    )
  })
  await page.goto('/')
  const table = page.getByRole('table', { name: 'GPU offers' })
  await expect(table.getByRole('button', { name: /^Rent/ }).first()).toBeVisible()

  await page.getByText(/^Price watches \(0\)$/).click()
  await expect(page.getByText(/while this tab is hidden they run every 30 minutes/)).toBeVisible()
  await page.getByRole('combobox', { name: 'Saved search to watch' }).selectOption('Cheapest')
  await page.getByRole('textbox', { name: 'Or % under the cheapest of its first check' }).fill('10')
  await page.getByRole('button', { name: 'Watch', exact: true }).click()
  const watched = page.getByRole('list', { name: 'Watched searches' }).getByRole('listitem')
  await expect(watched).toHaveCount(1)

  // The first check (run by the watcher on its own) sets the baseline; nothing is 10% under it.
  await expect(watched.getByText(/^10% under \$\d+\.\d{3}\/hr/)).toBeVisible({ timeout: 15_000 })
  const alerts = page.getByRole('log', { name: 'Price alerts' }).getByRole('listitem')
  await expect(alerts).toHaveCount(0)

  const bundles = async () => (await sim.requests({ method: 'POST', path: /\/bundles\/$/ })).length
  await sim.advance(6 * HOUR)
  let before = await bundles()
  await page.getByRole('button', { name: 'Check Cheapest now' }).click()
  await expect.poll(bundles).toBeGreaterThan(before)
  await expect(alerts).toHaveCount(1)
  await expect(alerts.first()).toContainText(/Price alert "Cheapest": .+ at \$\d+\.\d{3}\/hr/)
  await expect(page.getByRole('status').filter({ hasText: 'Price alert' }).first()).toBeVisible()

  // Still under the threshold on the next check: no second alert.
  before = await bundles()
  await page.getByRole('button', { name: 'Check Cheapest now' }).click()
  await expect.poll(bundles).toBeGreaterThan(before)
  await expect(watched.getByText(/^checked /)).toBeVisible()
  await expect(alerts).toHaveCount(1)

  // "Rent" opens the rent dialog on that offer, priced.
  await alerts
    .first()
    .getByRole('button', { name: /^Rent offer \d+$/ })
    .click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByText(/\$\d+\.\d{3}\/hr/).first()).toBeVisible()
  expect(await sim.requests({ method: 'PUT', path: /\/asks\// })).toHaveLength(0)
})
