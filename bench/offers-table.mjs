// @ts-check
// The offer table with 5,000 offers, measured in Chromium against the simulator: time to the
// first rendered row, quick-filter keystroke settle time and sort time (p50/p95), rows in the
// DOM and JS heap, for the virtualized table and, as the baseline, the same rows rendered plainly
// (`?render=plain`). Builds nothing: expects dist/ and dist-sim/ (or E2E_DIST / E2E_SIM_DIST).
// Prints a table and writes bench/results/offers-table.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { createWorld, launchBrowser, percentile, signedInPage, startServers } from './harness.mjs'

const OFFERS = 5000
const KEYSTROKE_ROUNDS = 3
const SORT_CLICKS = 12

/**
 * In the page: run `act`, then wait until the results stop changing (a frame with no DOM
 * mutation in the results); returns ms from `act` to the end of the last mutating frame.
 * @param {import('@playwright/test').Page} page
 * @param {'key' | 'sort'} kind
 * @param {string} [text]
 */
function settle(page, kind, text = '') {
  return page.evaluate(
    async ({ kind, text }) => {
      const root = document.querySelector('section[aria-label="Search results"]')
      if (!root) throw new Error('no results section')
      let last = performance.now()
      const observer = new MutationObserver(() => {
        last = performance.now()
      })
      observer.observe(root, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      })
      const t0 = performance.now()
      if (kind === 'key') {
        const input = root.querySelector('input[type="search"]')
        if (!(input instanceof HTMLInputElement)) throw new Error('no quick filter')
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set
        setter?.call(input, text)
        input.dispatchEvent(new Event('input', { bubbles: true }))
      } else {
        const button = [...root.querySelectorAll('thead button')].find((b) =>
          b.textContent?.includes('$/hr'),
        )
        if (!(button instanceof HTMLElement)) throw new Error('no $/hr header')
        button.click()
      }
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
      let quiet = 0
      let settledAt = performance.now()
      while (quiet < 3 && performance.now() - t0 < 5000) {
        const before = last
        await frame()
        if (last === before) quiet += 1
        else {
          quiet = 0
          settledAt = performance.now()
        }
      }
      observer.disconnect()
      return Math.max(settledAt, last) - t0
    },
    { kind, text },
  )
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} appUrl
 * @param {string} simUrl
 * @param {boolean} plain
 */
async function measure(browser, appUrl, simUrl, plain) {
  const key = await createWorld(simUrl, { offers: OFFERS, rateLimits: false, clock: 'manual' })
  const { context, page } = await signedInPage(browser, key)
  const url = `${appUrl}/?verified=0&limit=5000${plain ? '&render=plain' : ''}`
  await page.goto(url)
  await page.waitForSelector('table tbody tr[aria-rowindex]', { timeout: 60_000 })
  const firstRowMs = await page.evaluate(() => Math.round(performance.now()))
  // When the 5,000-offer answer had arrived: the rest of the first-row time is the app's.
  const responseEndMs = await page.evaluate(() =>
    Math.round(
      Math.max(
        0,
        ...performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('/api/v0/bundles/'))
          .map((e) => (e instanceof PerformanceResourceTiming ? e.responseEnd : 0)),
      ),
    ),
  )
  const loaded = await page.evaluate(
    () =>
      Number(document.querySelector('table[aria-rowcount]')?.getAttribute('aria-rowcount') ?? 1) -
      1,
  )

  const keyTimes = []
  const word = 'rtx 4'
  for (let round = 0; round < KEYSTROKE_ROUNDS; round += 1) {
    for (let i = 1; i <= word.length; i += 1)
      keyTimes.push(await settle(page, 'key', word.slice(0, i)))
    for (let i = word.length - 1; i >= 0; i -= 1)
      keyTimes.push(await settle(page, 'key', word.slice(0, i)))
  }
  const sortTimes = []
  for (let i = 0; i < SORT_CLICKS; i += 1) sortTimes.push(await settle(page, 'sort'))

  const domRows = await page.evaluate(
    () => document.querySelectorAll('table tbody tr[aria-rowindex]').length,
  )
  const cdp = await context.newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const heap = await cdp.send('Runtime.getHeapUsage')
  await context.close()
  const r = (/** @type {number} */ n) => Math.round(n * 10) / 10
  return {
    mode: plain ? 'plain (baseline)' : 'virtualized',
    offersLoaded: loaded,
    firstRowMs,
    searchResponseEndMs: responseEndMs,
    quickFilterSettleMs: {
      p50: r(percentile(keyTimes, 50)),
      p95: r(percentile(keyTimes, 95)),
      samples: keyTimes.length,
    },
    sortMs: {
      p50: r(percentile(sortTimes, 50)),
      p95: r(percentile(sortTimes, 95)),
      samples: sortTimes.length,
    },
    domRows,
    jsHeapMb: r(heap.usedSize / 1024 / 1024),
  }
}

const servers = await startServers({
  simPort: Number(process.env.BENCH_SIM_PORT ?? 8823),
  appPort: Number(process.env.BENCH_APP_PORT ?? 4423),
})
const browser = await launchBrowser()
try {
  const results = []
  for (const plain of [false, true]) {
    // Warm-up run (JIT, caches), then the measured one.
    if (!plain) await measure(browser, servers.appUrl, servers.simUrl, plain)
    results.push(await measure(browser, servers.appUrl, servers.simUrl, plain))
  }
  console.log(`\nOffer table, ${OFFERS} offers in the simulator, Chromium (headless)\n`)
  console.table(
    results.map((x) => ({
      mode: x.mode,
      'offers loaded': x.offersLoaded,
      'first row (ms)': x.firstRowMs,
      'of which after the answer (ms)': x.firstRowMs - x.searchResponseEndMs,
      'filter key p50/p95 (ms)': `${x.quickFilterSettleMs.p50} / ${x.quickFilterSettleMs.p95}`,
      'sort p50/p95 (ms)': `${x.sortMs.p50} / ${x.sortMs.p95}`,
      'DOM rows': x.domRows,
      'JS heap (MB)': x.jsHeapMb,
    })),
  )
  mkdirSync('bench/results', { recursive: true })
  writeFileSync(
    'bench/results/offers-table.json',
    `${JSON.stringify({ offers: OFFERS, measuredAt: new Date().toISOString(), results }, null, 2)}\n`,
  )
  console.log('Written to bench/results/offers-table.json')
} finally {
  await browser.close()
  servers.stop()
}
