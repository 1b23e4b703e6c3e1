// @ts-check
// The offer table with 5,000 and 20,000 offers, measured in Chromium against the simulator: time
// to the first rendered row, quick-filter keystroke and sort times from the input event to the
// settled DOM (p50/p95), the browser's own Interaction to Next Paint for the same interactions
// (Event Timing API), rows in the DOM and JS heap; for the virtualized table on a quiet machine
// and with a CPU-busy neighbour (a bounded busy loop in another process), and, as the baseline,
// the same 5,000 rows rendered plainly (`?render=plain`). Builds nothing: expects dist/ and
// dist-sim/ (or E2E_DIST / E2E_SIM_DIST). Prints a table and writes
// bench/results/offers-table.json. `BENCH_PROFILE=1` also records a CPU profile of the sorts and
// keystrokes and prints where the main thread's time went (bench/results/offers-table-profile.json).
// `BENCH_OFFERS_CASES=5000:quiet,20000:busy` runs only the named cases.
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createWorld, launchBrowser, percentile, signedInPage, startServers } from './harness.mjs'

const KEYSTROKE_ROUNDS = 3
const SORT_CLICKS = 12
const WORD = 'rtx 4'
/** The app offers up to 5,000 rows a search; larger cases ask the simulator for more. */
const APP_LIMIT = 5000
/** A busy neighbour never outlives this, whatever happens to the bench. */
const BUSY_MAX_MS = 10 * 60_000

/**
 * A CPU-busy neighbour: one process spinning on a core until stopped (or BUSY_MAX_MS).
 * @returns {() => void} stop
 */
function startBusyNeighbour() {
  const child = spawn(
    process.execPath,
    ['-e', `const end = Date.now() + ${BUSY_MAX_MS}; while (Date.now() < end) {}`],
    { stdio: 'ignore' },
  )
  return () => {
    child.kill()
  }
}

/**
 * Installs, in the page, a recorder for the next interaction: from its input event's timestamp
 * to the end of the last frame that changed the results (three quiet frames end it).
 * @param {import('@playwright/test').Page} page
 * @param {'input' | 'click'} type
 */
function armSettle(page, type) {
  return page.evaluate((type) => {
    const root = document.querySelector('section[aria-label="Search results"]')
    if (!root) throw new Error('no results section')
    /** @type {Window & { __settle?: Promise<number> }} */
    const w = window
    w.__settle = new Promise((resolve) => {
      let last = 0
      const observer = new MutationObserver(() => {
        last = performance.now()
      })
      observer.observe(root, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      })
      /** @param {Event} event */
      const onInput = (event) => {
        document.removeEventListener(type, onInput, true)
        const t0 = event.timeStamp
        const frame = () => new Promise((r) => requestAnimationFrame(r))
        void (async () => {
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
          resolve(Math.max(settledAt, last) - t0)
        })()
      }
      document.addEventListener(type, onInput, true)
    })
  }, type)
}

/** @param {import('@playwright/test').Page} page @returns {Promise<number>} */
const settled = (page) =>
  page.evaluate(() => /** @type {Window & { __settle?: Promise<number> }} */ (window).__settle ?? 0)

/**
 * Event Timing: the longest event duration of each interaction since `from` (ms, 8 ms steps).
 * @param {import('@playwright/test').Page} page
 * @param {number} from
 * @returns {Promise<number[]>}
 */
function interactionDurations(page, from) {
  return page.evaluate((from) => {
    /** @type {Window & { __events?: PerformanceEventTiming[] }} */
    const w = window
    const byId = new Map()
    for (const e of w.__events ?? [])
      if (e.interactionId && e.startTime >= from)
        byId.set(e.interactionId, Math.max(byId.get(e.interactionId) ?? 0, e.duration))
    return [...byId.values()]
  }, from)
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} appUrl
 * @param {string} simUrl
 * @param {{ offers: number, plain: boolean, busy: boolean, profile: boolean }} c
 */
async function measure(browser, appUrl, simUrl, c) {
  const key = await createWorld(simUrl, { offers: c.offers, rateLimits: false, clock: 'manual' })
  const { context, page } = await signedInPage(browser, key)
  await context.addInitScript(() => {
    /** @type {Window & { __events?: PerformanceEventTiming[] }} */
    const w = window
    w.__events = []
    // durationThreshold is Event Timing's own option (not in the DOM typings yet).
    const eventTiming = { type: 'event', durationThreshold: 16, buffered: true }
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e instanceof PerformanceEventTiming) w.__events?.push(e)
    }).observe(eventTiming)
  })
  if (c.offers > APP_LIMIT) {
    // The app's largest search is 5,000 rows, and the app server's gateway refuses answers that
    // large: ask the simulator directly for all of them.
    await page.route('**/api/v0/bundles/', async (route) => {
      const body = route.request().postDataJSON()
      const response = await route.fetch({
        url: `${simUrl}/api/v0/bundles/`,
        postData: JSON.stringify({ ...body, limit: c.offers }),
      })
      await route.fulfill({ response })
    })
  }
  const stopBusy = c.busy ? startBusyNeighbour() : () => {}
  try {
    const url = `${appUrl}/?verified=0&limit=${APP_LIMIT}${c.plain ? '&render=plain' : ''}`
    await page.goto(url)
    await page.waitForSelector('table tbody tr[aria-rowindex]', { timeout: 120_000 })
    const firstRowMs = await page.evaluate(() => Math.round(performance.now()))
    // When the offers' answer had arrived: the rest of the first-row time is the app's.
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
    const cdp = await context.newCDPSession(page)
    if (c.profile) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
      await cdp.send('Profiler.start')
    }

    const input = page.getByRole('searchbox', { name: 'Filter offers' })
    await input.focus()
    const keyFrom = await page.evaluate(() => performance.now())
    const keyTimes = []
    for (let round = 0; round < KEYSTROKE_ROUNDS; round += 1) {
      for (const keyName of [
        ...WORD.split('').map((ch) => (ch === ' ' ? 'Space' : ch)),
        ...WORD.split('').map(() => 'Backspace'),
      ]) {
        await armSettle(page, 'input')
        await page.keyboard.press(keyName)
        keyTimes.push(await settled(page))
      }
    }
    const keyInp = await interactionDurations(page, keyFrom)
    const sortFrom = await page.evaluate(() => performance.now())
    // By CSS: with 5,000 rows in the DOM (the plain baseline) a role query after the
    // keystrokes does not resolve within Playwright's 30 s.
    const header = page.locator('table[aria-rowcount] thead button', { hasText: '$/hr' })
    const sortTimes = []
    for (let i = 0; i < SORT_CLICKS; i += 1) {
      await armSettle(page, 'click')
      await header.click()
      sortTimes.push(await settled(page))
    }
    const sortInp = await interactionDurations(page, sortFrom)
    /** @type {unknown} */
    let profile = null
    if (c.profile) profile = summarize((await cdp.send('Profiler.stop')).profile)

    const domRows = await page.evaluate(
      () => document.querySelectorAll('table tbody tr[aria-rowindex]').length,
    )
    await cdp.send('HeapProfiler.collectGarbage')
    const heap = await cdp.send('Runtime.getHeapUsage')
    const r = (/** @type {number} */ n) => Math.round(n * 10) / 10
    /** @param {number[]} xs */
    const spread = (xs) => ({
      p50: r(percentile(xs, 50)),
      p95: r(percentile(xs, 95)),
      samples: xs.length,
      all: xs.map(r),
    })
    return {
      mode: c.plain ? 'plain (baseline)' : 'virtualized',
      offers: c.offers,
      machine: c.busy ? 'busy neighbour' : 'quiet',
      offersLoaded: loaded,
      firstRowMs,
      searchResponseEndMs: responseEndMs,
      quickFilterSettleMs: spread(keyTimes),
      sortMs: spread(sortTimes),
      // INP as browsers report it: the worst interaction (fewer than 50 of each kind here).
      quickFilterInpMs: Math.max(0, ...keyInp),
      sortInpMs: Math.max(0, ...sortInp),
      domRows,
      jsHeapMb: r(heap.usedSize / 1024 / 1024),
      profile,
    }
  } finally {
    stopBusy()
    await context.close()
  }
}

/**
 * Self time by function (top 25) and by script, from a CDP CPU profile.
 * @param {{ nodes: Array<{ id: number, callFrame: { functionName: string, url: string, lineNumber: number, columnNumber: number }, hitCount?: number }>, startTime: number, endTime: number, samples?: number[], timeDeltas?: number[] }} profile
 */
function summarize(profile) {
  const total = (profile.endTime - profile.startTime) / 1000
  const byNode = new Map()
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  for (let i = 0; i < samples.length; i += 1)
    byNode.set(samples[i], (byNode.get(samples[i]) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0) / 1000)
  const byFunction = new Map()
  const byScript = new Map()
  for (const node of profile.nodes) {
    const ms = byNode.get(node.id) ?? 0
    if (!ms) continue
    const script =
      node.callFrame.url
        .split('/')
        .pop()
        ?.replace(/-[\w-]{8}\.js$/, '') || '(native)'
    const name = `${node.callFrame.functionName || '(anonymous)'} ${script}:${node.callFrame.lineNumber}:${node.callFrame.columnNumber}`
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms)
    byScript.set(script, (byScript.get(script) ?? 0) + ms)
  }
  /** @param {Map<string, number>} m @param {number} n */
  const top = (m, n) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms: Math.round(ms) }))
  return { wallMs: Math.round(total), byScript: top(byScript, 10), byFunction: top(byFunction, 25) }
}

const ALL_CASES = [
  { offers: 5000, plain: false, busy: false },
  { offers: 5000, plain: false, busy: true },
  { offers: 20000, plain: false, busy: false },
  { offers: 20000, plain: false, busy: true },
  { offers: 5000, plain: true, busy: false },
]
const wanted = process.env.BENCH_OFFERS_CASES?.split(',')
const cases = ALL_CASES.filter(
  (c) => !wanted || wanted.includes(`${c.offers}:${c.plain ? 'plain' : c.busy ? 'busy' : 'quiet'}`),
)
const profiling = process.env.BENCH_PROFILE === '1'

const servers = await startServers({
  simPort: Number(process.env.BENCH_SIM_PORT ?? 8823),
  appPort: Number(process.env.BENCH_APP_PORT ?? 4423),
})
const browser = await launchBrowser()
try {
  const results = []
  /** @type {Array<Record<string, unknown>>} */
  const failures = []
  // Warm-up run (JIT, caches), then the measured ones.
  await measure(browser, servers.appUrl, servers.simUrl, {
    offers: 5000,
    plain: false,
    busy: false,
    profile: false,
  })
  for (const c of cases) {
    console.log(
      `  offers table: ${c.offers}${c.plain ? ' plain' : ''}${c.busy ? ', busy neighbour' : ''}`,
    )
    try {
      results.push(
        await measure(browser, servers.appUrl, servers.simUrl, {
          ...c,
          profile: profiling && !c.plain && !c.busy,
        }),
      )
    } catch (error) {
      // One case failing (a timeout on a loaded machine) leaves the others measured.
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
      console.log(`  failed: ${message}`)
      failures.push({ ...c, error: message })
    }
  }
  console.log(`\nOffer table in the simulator, Chromium (headless)\n`)
  console.table(
    results.map((x) => ({
      case: `${x.offers} ${x.mode}, ${x.machine}`,
      'offers loaded': x.offersLoaded,
      'first row (ms)': x.firstRowMs,
      'after the answer (ms)': x.firstRowMs - x.searchResponseEndMs,
      'filter key p50/p95 (ms)': `${x.quickFilterSettleMs.p50} / ${x.quickFilterSettleMs.p95}`,
      'filter INP (ms)': x.quickFilterInpMs,
      'sort p50/p95 (ms)': `${x.sortMs.p50} / ${x.sortMs.p95}`,
      'sort INP (ms)': x.sortInpMs,
      'DOM rows': x.domRows,
      'JS heap (MB)': x.jsHeapMb,
    })),
  )
  for (const x of results)
    if (x.profile) {
      console.log(`\nCPU profile, ${x.offers} ${x.mode} (self time, ms):`)
      console.log(JSON.stringify(x.profile, null, 1))
    }
  mkdirSync('bench/results', { recursive: true })
  writeFileSync(
    'bench/results/offers-table.json',
    `${JSON.stringify({ measuredAt: new Date().toISOString(), results, failures }, null, 2)}\n`,
  )
  console.log('Written to bench/results/offers-table.json')
} finally {
  await browser.close()
  servers.stop()
}
