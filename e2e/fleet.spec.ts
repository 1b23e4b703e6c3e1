import {
  expect,
  openRentDialog,
  rawInstances,
  rentFirstOffer,
  signIn,
  Sim,
  stringField,
  test,
  usd,
} from './fixtures'

/** Browser notifications, recorded: the page's Notification answers "granted" and keeps each body. */
const RECORD_NOTIFICATIONS = () => {
  const shown: string[] = []
  class RecordedNotification {
    static permission = 'granted'
    static requestPermission = () => Promise.resolve('granted')
    constructor(_title: string, options?: { body?: string }) {
      shown.push(options?.body ?? '')
    }
  }
  Object.defineProperty(window, 'Notification', { value: RecordedNotification })
  Object.defineProperty(window, 'shownNotifications', { value: shown })
}

test.describe('The fleet, watched from every tab', () => {
  test('rent, go back to Offers: the header shows its $/hr, and "running" is raised and notified there', async ({
    page,
    sim,
  }) => {
    await page.addInitScript(RECORD_NOTIFICATIONS)
    await signIn(page, sim.key)
    await page.goto('/')
    const banner = page.getByRole('banner')
    const fleet = banner.getByRole('link', { name: /^Fleet:/ })
    const events = banner.getByText(/^Events( \(\d+ new\))?$/)
    await expect(fleet).toContainText('0 running')
    await events.click()
    await banner.getByRole('button', { name: 'Turn on browser notifications' }).click()
    await expect(
      banner.getByRole('button', { name: 'Turn off browser notifications' }),
    ).toBeVisible()
    await events.click()

    await rentFirstOffer(page)
    await expect(page.getByRole('article', { name: /^Instance \d+/ })).toBeVisible()
    await page.getByRole('tab', { name: 'Offers' }).click()
    await expect(page.getByRole('table', { name: 'GPU offers' })).toBeVisible()

    const [row] = await rawInstances(page.request, sim.key)
    const id = row?.id ?? 0
    await sim.advance(60_000) // pull done: running
    // One fast poll (2 s) later, still on Offers.
    await expect(fleet).toContainText(`1 running · ${usd(row?.dph_total ?? 0)}/hr now`, {
      timeout: 4_000,
    })
    await expect(banner.getByText(/^Events \(\d+ new\)$/)).toBeVisible()
    await events.click()
    await expect(
      banner.getByRole('listitem').filter({ hasText: `Instance ${id} is running` }),
    ).toBeVisible()
    const notes = await page.evaluate(() =>
      'shownNotifications' in window && Array.isArray(window.shownNotifications)
        ? window.shownNotifications.map(String)
        : [],
    )
    expect(notes).toContain(`Instance ${id} is running`)
    await expect(page.getByRole('tab', { name: 'Offers' })).toHaveAttribute('aria-selected', 'true')

    // The fleet line leads to the Instances tab.
    await fleet.click()
    await expect(page.getByRole('heading', { name: 'Instances', level: 1 })).toBeVisible()
  })

  test('stopped instances still billing are in the header, and the title counts those needing attention', async ({
    page,
    request,
  }) => {
    const sim = await Sim.create(request, { instances: 6 })
    await sim.advance(6 * 3600_000)
    const rows = await rawInstances(request, sim.key)
    const stopped = rows.filter((r) => r.intended_status === 'stopped')
    await signIn(page, sim.key)
    await page.goto('/')
    const fleet = page.getByRole('banner').getByRole('link', { name: /^Fleet:/ })
    await expect(fleet).toContainText(/\d+ running · \$[\d.]+\/hr now · runway/)
    expect(stopped.length).toBeGreaterThan(0)
    const perDay = stopped.reduce((sum, r) => sum + r.storage_total_cost * 24, 0)
    await expect(fleet).toContainText(`${stopped.length} stopped, still billing ${usd(perDay)}/day`)
    // The failed instance needs attention: a background tab shows it in its title.
    await expect(page).toHaveTitle(/^\(\d+\) Vast GPU Console$/)
  })

  test('a key revoked while on Offers is reported', async ({ page, request }) => {
    const sim = await Sim.create(request, { instances: 1 })
    await sim.advance(6 * 3600_000) // settled: the slow poll
    await page.clock.install()
    await signIn(page, sim.key)
    await page.goto('/')
    await expect(page.getByRole('table', { name: 'GPU offers' })).toBeVisible()
    await expect(page.getByRole('banner').getByRole('link', { name: /^Fleet:/ })).toContainText(
      '1 running',
    )
    await sim.simulate({ auth: 'revoked' })
    await page.clock.runFor(31_000) // the next settled poll of the instance list
    await expect(
      page.getByRole('alert').filter({ hasText: 'no longer accepts the saved key' }),
    ).toBeVisible()
    await expect(page.getByLabel('API key')).toBeVisible()
  })

  test('watchdog rules combine at rent, show on the card and change through the label', async ({
    page,
    sim,
  }) => {
    await signIn(page, sim.key)
    await page.goto('/')
    const dialog = await openRentDialog(page)
    await dialog.getByLabel('Auto-stop').selectOption('stop')
    await dialog.getByLabel('Hours').fill('2')
    await dialog.getByLabel('Stop when the GPUs are idle').check()
    await expect(dialog.getByLabel('Idle for (minutes)')).toHaveValue('30')
    await expect(dialog.getByLabel('Every GPU under (%)')).toHaveValue('5')
    await dialog.getByLabel('Stop when it has cost ($)').fill('1000')
    await expect(dialog).toContainText(/At this price that is a stop on \w{3} \d\d:\d\d \(in \d+ d/)
    await expect(dialog).toContainText(/Start script room left with the watchdog: \d+ of 4096/)
    await dialog.getByRole('button', { name: 'Rent', exact: true }).click()

    const [rental] = await sim.requests({ method: 'PUT', path: /^\/api\/v0\/asks\/\d+\/$/ })
    expect(stringField(rental?.body, 'onstart')).toMatch(
      /^# vast-console auto-stop v2 \(rules \d+\.s\.30\.5\)\n/,
    )
    const card = page.getByRole('article', { name: /^Instance \d+/ })
    const panel = card.getByRole('region', { name: /^Watchdog of instance/ })
    await expect(panel).toContainText(/stop at .*; stop when every GPU is under 5 % for 30 min/)

    await panel.getByRole('button', { name: 'Change rules' }).click()
    const rules = page.getByRole('dialog', { name: /^Watchdog rules of instance/ })
    await rules.getByLabel('Idle for (minutes)').fill('10')
    await rules.getByRole('button', { name: 'Save rules' }).click()
    await expect(rules).toBeHidden()
    const labels = await sim.requests({ method: 'PUT', path: /^\/api\/v0\/instances\/\d+\/$/ })
    expect(stringField(labels.at(-1)?.body, 'label')).toMatch(/^autostop@\d+\.s\.10\.5$/)
    await expect(panel).toContainText('under 5 % for 10 min')
  })
})
