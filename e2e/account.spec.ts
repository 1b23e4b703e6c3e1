import { expect, expectNoAxeViolations, signIn, test } from './fixtures'

test.describe('API key', () => {
  test('a rejected key shows an alert naming the permissions a key needs', async ({ page }) => {
    await page.goto('/')
    await expectNoAxeViolations(page)
    await page.getByLabel('API key').fill('not-a-real-key-0000')
    await page.getByRole('button', { name: 'Save key' }).click()
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('Vast rejected this key')
    await expect(alert).toContainText('misc, user_read, instance_read, instance_write')
    await expect(page.getByRole('button', { name: 'Forget key' })).toHaveCount(0)
    expect(await page.evaluate(() => window.localStorage.length)).toBe(0)
  })

  test('a good key is verified, shows the account, survives a reload and can be forgotten', async ({
    page,
    sim,
  }) => {
    await page.goto('/')
    const input = page.getByLabel('API key')
    await expect(input).toHaveAttribute('type', 'password')
    await input.fill(sim.key)
    await page.getByRole('button', { name: 'Show key' }).click()
    await expect(input).toHaveAttribute('type', 'text')
    await page.getByRole('radio', { name: 'Remember on this device' }).check()
    await page.getByRole('button', { name: 'Save key' }).click()

    const header = page.getByRole('banner')
    await expect(header).toContainText('@example.com')
    await expect(header).toContainText('$25.00')
    await expect(page.locator('body')).not.toContainText(sim.key)
    await expectNoAxeViolations(page)

    await page.reload()
    await expect(page.getByRole('banner')).toContainText('$25.00')
    expect(page.url()).not.toContain(sim.key)

    const verified = await sim.requests({ method: 'GET', path: /^\/api\/v0\/users\/current\/$/ })
    expect(verified.length).toBeGreaterThan(0)

    await page.getByRole('tab', { name: 'Account' }).click()
    await page.getByRole('button', { name: 'Forget key' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Forget key' }).click()
    await expect(page.getByLabel('API key')).toBeVisible()
    expect(
      await page.evaluate(() =>
        JSON.stringify({ ...window.localStorage, ...window.sessionStorage }),
      ),
    ).not.toContain(sim.key)
  })

  test('a session-only key is kept out of localStorage', async ({ page, sim }) => {
    await page.goto('/')
    await page.getByLabel('API key').fill(sim.key)
    await page.getByRole('radio', { name: /This session only/ }).check()
    await page.getByRole('button', { name: 'Save key' }).click()
    await expect(page.getByRole('banner')).toContainText('$25.00')
    expect(await page.evaluate(() => JSON.stringify(window.localStorage))).not.toContain(sim.key)
    await page.reload()
    await expect(page.getByRole('banner')).toContainText('$25.00')
  })

  test('a saved key that Vast revoked since the last visit brings back the key form', async ({
    page,
    sim,
  }) => {
    // (Revocation during a session, with polling stopping, is in faults-reliability.spec.ts.)
    await signIn(page, sim.key)
    await page.goto('/?tab=instances')
    await expect(page.getByRole('heading', { name: 'Instances' })).toBeVisible()
    await sim.simulate({ auth: 'revoked' })
    await page.reload()
    await expect(
      page.getByRole('alert').filter({ hasText: 'no longer accepts the saved key' }),
    ).toBeVisible()
    await expect(page.getByLabel('API key')).toBeVisible()
    await expect(page.getByRole('tab', { name: 'Offers' })).toHaveCount(0)
  })
})

test.describe('first paint', () => {
  test('the key screen is in the HTML itself, and a saved key hides it before the app starts', async ({
    page,
    sim,
  }) => {
    // Hold the app's entry back: what shows is the HTML and boot.js alone.
    await page.route(/\/assets\/index-[^/]+\.js$/, (route) => route.abort())
    await page.goto('/')
    await expect(page.getByRole('heading', { name: 'Connect your Vast.ai account' })).toBeVisible()

    await signIn(page, sim.key)
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Connect your Vast.ai account' })).toBeHidden()

    // With the entry allowed, the live app takes over.
    await page.unroute(/\/assets\/index-[^/]+\.js$/)
    await page.reload()
    await expect(page.getByRole('banner')).toContainText(sim.email)
  })
})
