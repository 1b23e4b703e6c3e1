// @ts-check
// The Spending tab with about 10,000 charge rows, in Chromium against the simulator: first paint
// of the figures (and how much of it came after the last charges page arrived), a range change
// to the last 7 days, a change back (held in memory), and a reload that reads the past days from
// the device's IndexedDB.
// Builds nothing: expects dist/ and dist-sim/. Prints a table; writes bench/results/spending.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { createWorld, launchBrowser, signedInPage, startServers } from './harness.mjs'

const CONTRACTS = Number(process.env.BENCH_CHARGE_CONTRACTS ?? 11_700)

/** @param {import('@playwright/test').Page} page */
const lastChargesEnd = (page) =>
  page.evaluate(() =>
    Math.round(
      Math.max(
        0,
        ...performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('/api/v0/charges/'))
          .map((e) => (e instanceof PerformanceResourceTiming ? e.responseEnd : 0)),
      ),
    ),
  )

/** @param {import('@playwright/test').Page} page @param {string} text */
async function waitForRows(page, text) {
  await page
    .getByRole('region', { name: 'Totals' })
    .filter({ hasText: text })
    .waitFor({ timeout: 120_000 })
  return page.evaluate(() => Math.round(performance.now()))
}

/** @param {import('@playwright/test').Page} page */
const rowCount = (page) =>
  page
    .getByRole('region', { name: 'Totals' })
    .innerText()
    .then((t) => Number(/(\d+) rows/.exec(t)?.[1] ?? NaN))

const servers = await startServers({
  simPort: Number(process.env.BENCH_SIM_PORT ?? 8804),
  appPort: Number(process.env.BENCH_APP_PORT ?? 4404),
})
const browser = await launchBrowser()
try {
  const key = await createWorld(servers.simUrl, { clock: 'manual', rateLimits: false })
  const seeded = await fetch(`${servers.simUrl}/__sim/worlds/${key}/charges`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ contracts: CONTRACTS }),
  })
  if (!seeded.ok) throw new Error('could not seed the charge history')
  const { page } = await signedInPage(browser, key)

  await page.goto(`${servers.appUrl}/?tab=spending`)
  const paintMs = await waitForRows(page, 'rows')
  const responseEnd = await lastChargesEnd(page)
  const rows = await rowCount(page)

  const change = async (/** @type {string} */ label) => {
    const before = await page.getByRole('region', { name: 'Totals' }).innerText()
    const t0 = await page.evaluate(() => performance.now())
    await page.getByLabel('Range (UTC days)').selectOption({ label })
    await page
      .getByRole('region', { name: 'Totals' })
      .filter({ hasNotText: before.slice(0, 40) })
      .waitFor({ timeout: 120_000 })
    return Math.round((await page.evaluate(() => performance.now())) - t0)
  }
  const weekMs = await change('Last 7 days')
  const weekRows = await rowCount(page)
  const backMs = await change('This month')

  // A revisit: a new page load reads the past days from IndexedDB and fetches today only.
  await page.reload()
  const revisitMs = await waitForRows(page, 'read from this device')
  const revisitTotals = await page.getByRole('region', { name: 'Totals' }).innerText()
  const revisitCached = Number(
    /(\d+) past days read from this device/.exec(revisitTotals)?.[1] ?? 0,
  )

  const results = {
    contracts: CONTRACTS,
    rows,
    firstPaintMs: paintMs,
    afterLastChargesPageMs: paintMs - responseEnd,
    weekRows,
    rangeChangeToWeekMs: weekMs,
    backToMonthMs: backMs,
    revisitFirstPaintMs: revisitMs,
    revisitCachedDays: revisitCached,
  }
  console.log('\nSpending tab, Chromium (headless), simulator without rate limits\n')
  console.table({
    'first paint, this month': { rows, ms: paintMs, 'after last page (ms)': paintMs - responseEnd },
    'range → last 7 days': { rows: weekRows, ms: weekMs },
    'range → this month again (memory)': { rows, ms: backMs },
    'reload, this month': { rows, ms: revisitMs, 'past days from IndexedDB': revisitCached },
  })
  mkdirSync('bench/results', { recursive: true })
  writeFileSync(
    'bench/results/spending.json',
    `${JSON.stringify({ measuredAt: new Date().toISOString(), ...results }, null, 2)}\n`,
  )
} finally {
  await browser.close()
  servers.stop()
}
