// Issue 5: every fault switch of the simulator, driven through the real UI in Chromium. Each test
// asserts a clear message and that nothing was lost (data kept on screen, no write sent twice).
import type { APIRequestContext, Page } from '@playwright/test'
import { SIM_PORT } from '../playwright.config'
import { expect, Sim, signIn, test } from './fixtures'

const SIM = `http://127.0.0.1:${SIM_PORT}`

async function stats(request: APIRequestContext, sim: Sim) {
  const res = await request.get(`${SIM}/__sim/worlds/${sim.key}/stats`)
  expect(res.ok()).toBe(true)
  const body: unknown = await res.json()
  if (typeof body !== 'object' || body === null || !('rateLimited' in body))
    throw new Error('no stats')
  return { rateLimited: Number(body.rateLimited) }
}

const cards = (page: Page) => page.getByRole('article', { name: /^Instance \d+/ })
const rentButtons = (page: Page) =>
  page.getByRole('table', { name: 'GPU offers' }).getByRole('button', { name: /^Rent/ })

async function openInstances(page: Page, sim: Sim) {
  await signIn(page, sim.key)
  await page.goto('/?tab=instances')
  await expect(cards(page)).toHaveCount(6)
}

test.describe('faults, through the UI', () => {
  test('normal use draws no 429 at all', async ({ page, request }) => {
    const sim = await Sim.create(request, { instances: 6 })
    await openInstances(page, sim)
    await page.getByRole('tab', { name: 'Offers' }).click()
    await expect(rentButtons(page).first()).toBeVisible()
    await page.getByRole('tab', { name: 'Instances' }).click()
    await page.getByRole('tab', { name: 'Offers' }).click()
    await page.getByRole('tab', { name: 'Instances' }).click()
    // Several fast polls (every 2 s while instances are changing) go by.
    await expect
      .poll(async () => (await sim.requests({ path: /^\/api\/v1\/instances\/$/ })).length, {
        timeout: 15_000,
      })
      .toBeGreaterThan(4)
    expect((await stats(request, sim)).rateLimited).toBe(0)
  })

  test('HTML 502 on the instance list: a banner, the cards kept and marked stale, then recovery', async ({
    page,
    request,
  }) => {
    const sim = await Sim.create(request, { instances: 6 })
    await openInstances(page, sim)
    await sim.simulate({ instances: 'html_502' })
    const banner = page.getByRole('status').filter({ hasText: 'Vast is not answering' })
    await expect(banner).toContainText('server error (502): 502 Bad Gateway')
    await expect(banner).toContainText('Showing the data last received at')
    await expect(cards(page)).toHaveCount(6)
    await sim.simulate({ instances: 'ok' })
    await expect(banner).toHaveCount(0, { timeout: 30_000 })
    await expect(cards(page)).toHaveCount(6)
  })

  test('Vast unreachable (connection dropped), then back: polling resumes by itself', async ({
    page,
    request,
  }) => {
    const sim = await Sim.create(request, { instances: 6 })
    await openInstances(page, sim)
    await sim.simulate({ down: true })
    const banner = page.getByRole('status').filter({ hasText: 'Vast is not answering' })
    await expect(banner).toContainText('could not be reached')
    await expect(cards(page)).toHaveCount(6)
    const before = (await sim.requests()).length
    await sim.simulate({ down: false })
    await expect(banner).toHaveCount(0, { timeout: 30_000 })
    await expect.poll(async () => (await sim.requests()).length).toBeGreaterThan(before)
  })

  test('offline: a banner, the data kept, and updates resume when back online', async ({
    page,
    context,
    request,
  }) => {
    const sim = await Sim.create(request, { instances: 6 })
    await openInstances(page, sim)
    await context.setOffline(true)
    const banner = page.getByRole('status').filter({ hasText: 'You are offline' })
    await expect(banner).toContainText('Showing the data last received at')
    await expect(cards(page)).toHaveCount(6)
    await context.setOffline(false)
    await expect(banner).toHaveCount(0)
    const before = (await sim.requests({ path: /^\/api\/v1\/instances\/$/ })).length
    await expect
      .poll(async () => (await sim.requests({ path: /^\/api\/v1\/instances\/$/ })).length)
      .toBeGreaterThan(before)
  })

  test('a burst of plain-text 429s: shown as throttled, read again later, nothing lost', async ({
    page,
    request,
  }) => {
    const sim = await Sim.create(request, { instances: 6 })
    await openInstances(page, sim)
    await sim.simulate({ burst429: 2 })
    await expect(page.getByRole('status').filter({ hasText: 'Throttled' })).toBeVisible()
    await expect
      .poll(async () => (await stats(request, sim)).rateLimited, { timeout: 30_000 })
      .toBe(2)
    await expect(page.getByRole('status').filter({ hasText: 'Throttled' })).toHaveCount(0, {
      timeout: 30_000,
    })
    await expect(cards(page)).toHaveCount(6)
    await expect(page.getByRole('status').filter({ hasText: 'Vast is not answering' })).toHaveCount(
      0,
    )
  })

  test('a key revoked mid-session: polling stops, the user is told and can enter a new key', async ({
    page,
    request,
  }) => {
    const sim = await Sim.create(request, { instances: 6 })
    await page.clock.install()
    await openInstances(page, sim)
    await sim.simulate({ auth: 'revoked' })
    await page.clock.runFor(2_500) // the next fast poll
    await expect(
      page.getByRole('alert').filter({ hasText: 'no longer accepts the saved key' }),
    ).toBeVisible()
    await expect(page.getByLabel('API key')).toBeVisible()
    const after = await sim.requests()
    // Fast polling was every 2 s: a minute later, nothing more has been sent with the revoked key.
    await page.clock.runFor(60_000)
    expect(await sim.requests()).toHaveLength(after.length)
  })

  test('malformed rows and an unknown status: the rest is shown, with a warning', async ({
    page,
    request,
  }) => {
    const sim = await Sim.create(request, { instances: 6 })
    await sim.simulate({ instances: 'malformed_rows' })
    await signIn(page, sim.key)
    await page.goto('/?tab=instances')
    await expect(cards(page)).toHaveCount(5)
    await expect(page.getByText('1 instance could not be read and is not shown.')).toBeVisible()
    await expect(cards(page).filter({ hasText: 'hibernating' })).toHaveCount(1)
  })

  test('latency: the app waits, says it is working, and shows the answer', async ({
    page,
    sim,
  }) => {
    await sim.simulate({ latencyMs: 2500 })
    await signIn(page, sim.key)
    await page.goto('/')
    await expect(rentButtons(page).first()).toBeVisible({ timeout: 20_000 })
    await rentButtons(page).first().click()
    await page.getByRole('dialog').getByRole('button', { name: 'Rent', exact: true }).click()
    await expect(page.getByRole('dialog').getByRole('status')).toContainText(
      'Sending the rental to Vast',
    )
    await expect(cards(page)).toHaveCount(1, { timeout: 20_000 })
    expect(await sim.requests({ method: 'PUT', path: /^\/api\/v0\/asks\/\d+\/$/ })).toHaveLength(1)
  })

  test('an offer that vanishes between search and rent: told, nothing rented', async ({
    page,
    sim,
  }) => {
    await signIn(page, sim.key)
    await page.goto('/')
    await rentButtons(page).first().click()
    await sim.simulate({ rent: 'offer_gone' })
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Rent', exact: true }).click()
    await expect(dialog.getByRole('alert')).toContainText('just taken by someone else')
    await expect(dialog.getByRole('button', { name: 'Rent', exact: true })).toBeDisabled()
    expect(await sim.requests({ method: 'PUT', path: /^\/api\/v0\/asks\/\d+\/$/ })).toHaveLength(1)
  })

  test('the connection drops after the rent left: not resent, and the user is told it went through', async ({
    page,
    sim,
  }) => {
    await signIn(page, sim.key)
    await page.goto('/')
    await rentButtons(page).first().click()
    await sim.simulate({ rent: 'dropped' })
    const dialog = page.getByRole('dialog')
    const rent = dialog.getByRole('button', { name: 'Rent', exact: true })
    await rent.click()
    const alert = dialog.getByRole('alert')
    await expect(alert).toContainText('may or may not have gone through, so it was not sent again')
    await expect(alert).toContainText(/It did: instance \d+ has appeared in your Instances list/)
    await expect(rent).toBeDisabled()
    expect(await sim.requests({ method: 'PUT', path: /^\/api\/v0\/asks\/\d+\/$/ })).toHaveLength(1)
    await dialog.getByRole('button', { name: 'Close' }).click()
    await page.getByRole('tab', { name: 'Instances' }).click()
    await expect(cards(page)).toHaveCount(1)
  })

  test('a rent that times out: not resent, and the user is told it went through', async ({
    page,
    sim,
  }) => {
    await page.clock.install()
    await signIn(page, sim.key)
    await page.goto('/')
    await rentButtons(page).first().click()
    await sim.simulate({ rent: 'timeout' })
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Rent', exact: true }).click()
    const asks = { method: 'PUT', path: /^\/api\/v0\/asks\/\d+\/$/ }
    await expect.poll(async () => (await sim.requests(asks)).length).toBe(1)
    await page.clock.runFor(61_000) // past the 60 s write timeout
    const alert = dialog.getByRole('alert')
    await expect(alert).toContainText('Vast did not answer in time')
    await expect(alert).toContainText(/It did: instance \d+ has appeared in your Instances list/)
    await expect(dialog.getByRole('button', { name: 'Rent', exact: true })).toBeDisabled()
    expect(await sim.requests(asks)).toHaveLength(1)
  })

  test('two tabs cannot rent the same offer at once', async ({ page, context, sim }) => {
    await sim.simulate({ latencyMs: 4000 })
    await signIn(page, sim.key)
    const other = await context.newPage()
    await page.goto('/')
    await other.goto('/')
    await rentButtons(page).first().click()
    await rentButtons(other).first().click()
    const here = page.getByRole('dialog')
    const there = other.getByRole('dialog')
    await expect(here).toContainText(/Offer \d+/)
    const offerText = await here.getByText(/^Offer \d+/).textContent()
    await expect(there).toContainText(offerText?.split(' ·')[0] ?? 'missing')
    await here.getByRole('button', { name: 'Rent', exact: true }).click()
    await expect(here.getByRole('status')).toContainText('Sending the rental to Vast')
    await there.getByRole('button', { name: 'Rent', exact: true }).click()
    await expect(there.getByRole('alert')).toContainText('already being rented from another tab')
    await expect(cards(page)).toHaveCount(1, { timeout: 20_000 })
    expect(await sim.requests({ method: 'PUT', path: /^\/api\/v0\/asks\/\d+\/$/ })).toHaveLength(1)
  })
})
