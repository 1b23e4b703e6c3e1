// Every fault switch of the simulator, driven through the real UI in Chromium. Each test asserts
// a clear message and that nothing was lost (data kept on screen, no write sent twice).
import { expect, signIn, Sim, test, simStats, cards, rentButtons, openInstances } from './fixtures'

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
    expect((await simStats(request, sim)).rateLimited).toBe(0)
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
      .poll(async () => (await simStats(request, sim)).rateLimited, { timeout: 30_000 })
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
})
