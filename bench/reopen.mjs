// @ts-check
// Reopening the console on the Instances tab: from navigation start to the frame that paints the
// first instance card, with the answers kept on the device and without them (the same browser,
// its code in the HTTP cache, the kept answers deleted before the load), median of 3 loads each;
// with the simulator answering at once and with every answer 500 ms late (a remote API), its rate
// limits off (the loads follow each other closer than Vast's list allows). Run by
// bench/run.mjs, or alone: `node bench/reopen.mjs` (builds nothing: expects dist/ and dist-sim/).
import { pathToFileURL } from 'node:url'
import {
  createWorld,
  launchBrowser,
  percentile,
  signedInPage,
  simulateWorld,
  startServers,
} from './harness.mjs'

const LOADS = 3
const DB_NAME = 'vast-console.answers'

/** @param {import('@playwright/test').Page} page */
function keptList(page) {
  return page.evaluate(
    (name) =>
      new Promise((resolve) => {
        const open = indexedDB.open(name)
        open.onerror = () => resolve(false)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('answers')) {
            db.close()
            resolve(false)
            return
          }
          const all = db.transaction('answers').objectStore('answers').getAllKeys()
          all.onsuccess = () => {
            db.close()
            resolve(all.result.some((k) => String(k).includes('"instances","list"')))
          }
          all.onerror = () => resolve(false)
        }
      }),
    DB_NAME,
  )
}

/** @param {import('@playwright/test').Page} page */
async function waitUntilKept(page) {
  const until = Date.now() + 20_000
  while (!(await keptList(page))) {
    if (Date.now() > until) throw new Error('the instance list was not kept on the device')
    await page.waitForTimeout(200)
  }
}

/**
 * Loads `url` and answers when the first instance card was painted (ms from navigation start).
 * @param {import('@playwright/test').Page} page @param {string} url
 */
async function paintedAt(page, url) {
  await page.goto(url)
  const handle = await page.waitForFunction(
    () => /** @type {Window & { __painted?: number }} */ (window).__painted,
    undefined,
    { timeout: 60_000 },
  )
  return Math.round(Number(await handle.jsonValue()))
}

/**
 * @param {import('@playwright/test').Browser} browser @param {string} appUrl @param {string} simUrl
 * @param {number} latencyMs how late the simulator answers
 */
export async function reopenTimes(browser, appUrl, simUrl, latencyMs = 0) {
  // Loads follow each other within a second, closer than Vast's list allows: the simulator's
  // rate limits are off here, so every load's first list request is answered (not a 429).
  const key = await createWorld(simUrl, { clock: 'manual', instances: 6, rateLimits: false })
  const { context, page } = await signedInPage(browser, key)
  await context.addInitScript(() => {
    /** @type {Window & { __painted?: number }} */
    const w = window
    // A card, or a row of the compact table (its "Select instance N" box).
    const seen = () =>
      document.querySelector('article[aria-label^="Instance "], [aria-label^="Select instance "]')
    const observer = new MutationObserver(() => {
      if (!seen()) return
      observer.disconnect()
      // The frame that shows it: its animation-frame callback runs just before it is painted.
      requestAnimationFrame(() => {
        w.__painted = performance.now()
      })
    })
    observer.observe(document, { childList: true, subtree: true })
  })
  const url = `${appUrl}/?tab=instances`
  try {
    await paintedAt(page, url)
    await waitUntilKept(page)
    await simulateWorld(simUrl, key, { latencyMs })
    /** @type {number[]} */
    const kept = []
    /** @type {number[]} */
    const none = []
    for (let i = 0; i < LOADS; i += 1) {
      kept.push(await paintedAt(page, url))
      await waitUntilKept(page)
      // Deleted once this page's connection closes, before the next page opens the store.
      await page.evaluate((name) => void indexedDB.deleteDatabase(name), DB_NAME)
      none.push(await paintedAt(page, url))
      await waitUntilKept(page)
    }
    return { kept: percentile(kept, 50), none: percentile(none, 50), samples: { kept, none } }
  } finally {
    await context.close()
  }
}

async function main() {
  const servers = await startServers({
    simPort: Number(process.env.BENCH_SIM_PORT ?? 8833),
    appPort: Number(process.env.BENCH_APP_PORT ?? 4433),
  })
  const browser = await launchBrowser()
  try {
    for (const latency of [0, 500]) {
      const r = await reopenTimes(browser, servers.appUrl, servers.simUrl, latency)
      console.log(
        `reopen (API answering in ${latency} ms): kept answers ${r.kept} ms, none ${r.none} ms ${JSON.stringify(r.samples)}`,
      )
    }
  } finally {
    await browser.close()
    servers.stop()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
