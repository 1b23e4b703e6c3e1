import type { APIRequestContext, Page } from '@playwright/test'
import { expect, Sim, signIn, test } from './fixtures'

const HOUR = 3_600_000

/**
 * A world whose prices follow the simulator's daily wave (six model hours on, every GPU costs
 * 20% less), a saved search "Cheapest" (the default filters), and the offers page loaded.
 */
async function openWithSavedSearch(page: Page, request: APIRequestContext) {
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
  return { sim, table }
}

test('a watched search fires once when the price drops, and its Rent action opens the offer', async ({
  page,
  request,
}) => {
  const { sim } = await openWithSavedSearch(page, request)

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

test('an armed "Rent it for me" rents exactly one instance when the price drops, then disarms', async ({
  page,
  request,
}) => {
  const { sim, table } = await openWithSavedSearch(page, request)
  const prices = await table.getByRole('cell', { name: /^\$\d+\.\d{3}$/ }).allInnerTexts()
  const cheapest = Math.min(...prices.map((p) => Number(p.slice(1))))
  // Under today's cheapest; six model hours on, prices are 20% lower.
  const target = (cheapest * 0.9).toFixed(3)

  await page.getByText(/^Price watches \(0\)$/).click()
  await page.getByRole('textbox', { name: 'Alert at or under ($/hr)' }).fill(target)
  await page.getByRole('button', { name: 'Watch', exact: true }).click()
  await page.getByRole('button', { name: 'Rent it for me: arm Cheapest' }).click()
  const dialog = page.getByRole('dialog', { name: 'Rent it for me: Cheapest' })
  await expect(dialog).toContainText(`costs at most $${target}/hr`)
  await expect(dialog).toContainText('exactly one instance')
  const arm = dialog.getByRole('button', { name: `Arm at $${target}/hr` })
  await expect(arm).toBeDisabled()
  await dialog.getByRole('textbox', { name: 'Type ARM to arm' }).fill('ARM')
  await arm.click()
  const watched = page.getByRole('list', { name: 'Watched searches' }).getByRole('listitem')
  await expect(watched.getByText(`Armed: rents one at ≤ $${target}/hr`)).toBeVisible()

  // The first check (on its own) finds nothing that cheap: nothing rented.
  await expect(watched.getByText(/^checked /)).toBeVisible({ timeout: 15_000 })
  const puts = () => sim.requests({ method: 'PUT', path: /\/asks\/\d+\/$/ })
  expect(await puts()).toHaveLength(0)

  await sim.advance(6 * HOUR)
  await page.getByRole('button', { name: 'Check Cheapest now' }).click()
  const events = page.getByRole('log', { name: 'Price alerts' }).getByRole('listitem')
  await expect(events.filter({ hasText: /^Rented .+: instance \d+\./ })).toHaveCount(1)
  await expect(watched.getByText(/^Armed/)).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Rent it for me: arm Cheapest' })).toBeVisible()
  expect(await puts()).toHaveLength(1)

  // Disarmed: the next check (still cheap) rents nothing more.
  const bundles = async () => (await sim.requests({ method: 'POST', path: /\/bundles\/$/ })).length
  const before = await bundles()
  await page.getByRole('button', { name: 'Check Cheapest now' }).click()
  await expect.poll(bundles).toBeGreaterThan(before)
  await expect(events.filter({ hasText: /^Rented/ })).toHaveCount(1)
  expect(await puts()).toHaveLength(1)
})
