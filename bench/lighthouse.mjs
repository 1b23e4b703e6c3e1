// @ts-check
// Lighthouse (performance, accessibility, best practices; its default mobile emulation with
// simulated slow 4G and 4× CPU) on the key screen and on the dashboard: the demo (Offers), and
// Offers and Instances signed in to a simulated account. Each screen is a cold load in a fresh
// Chromium profile; the dashboard ones are prepared in the same tab first (key saved, or the demo
// entered), and Lighthouse keeps that storage. Run by bench/run.mjs, or alone:
// `node bench/lighthouse.mjs` (builds nothing: expects dist/ and dist-sim/). `BENCH_LH_DETAIL=1`
// prints the failed accessibility audits and the performance metrics of each screen.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { createWorld, startServers } from './harness.mjs'

/** @typedef {{ performance: number, accessibility: number, bestPractices: number, metrics: Record<string, number>, failedA11y: string[] }} Scores */

/**
 * @typedef {object} Screen
 * @property {string} name
 * @property {string} path
 * @property {(page: import('puppeteer-core').Page, appUrl: string, simUrl: string) => Promise<void>} [prepare]
 */

/**
 * Saves a simulated account's key in this profile, as a returning user has it.
 * @param {import('puppeteer-core').Page} page @param {string} appUrl @param {string} simUrl
 */
async function signIn(page, appUrl, simUrl) {
  const key = await createWorld(simUrl, { clock: 'manual', instances: 6 })
  await page.goto(appUrl)
  await page.evaluate((value) => {
    window.localStorage.setItem(
      'vast-console.api-key',
      JSON.stringify({ v: 1, key: value, mode: 'live' }),
    )
  }, key)
}

/** @type {Screen[]} */
export const SCREENS = [
  { name: 'key screen', path: '/' },
  {
    name: 'demo (Offers)',
    path: '/',
    async prepare(page, appUrl) {
      await page.goto(appUrl)
      const demo = await page.waitForSelector('::-p-aria(Try the demo)')
      await demo?.click()
      await page.waitForSelector('::-p-aria(GPU offers)', { timeout: 60_000 })
    },
  },
  { name: 'Offers', path: '/', prepare: signIn },
  { name: 'Instances', path: '/?tab=instances', prepare: signIn },
]

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
]

/**
 * One Lighthouse run of `screen`, tried again once when Lighthouse itself fails (its trace
 * recording sometimes does on a loaded machine: NO_NAVSTART).
 * @param {Screen} screen @param {string} appUrl @param {string} simUrl
 * @returns {Promise<Scores>}
 */
export async function lighthouseScreen(screen, appUrl, simUrl) {
  try {
    return await lighthouseOnce(screen, appUrl, simUrl)
  } catch (error) {
    console.log(`  Lighthouse on ${screen.name} failed (${String(error)}); once more`)
    return lighthouseOnce(screen, appUrl, simUrl)
  }
}

/**
 * @param {Screen} screen @param {string} appUrl @param {string} simUrl
 * @returns {Promise<Scores>}
 */
async function lighthouseOnce(screen, appUrl, simUrl) {
  const { navigation } = await import('lighthouse')
  const chromeLauncher = await import('chrome-launcher')
  const puppeteer = await import('puppeteer-core')
  const chrome = await chromeLauncher.launch({
    chromePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  const browser = await puppeteer.connect({
    browserURL: `http://127.0.0.1:${chrome.port}`,
    defaultViewport: null,
  })
  try {
    const page = await browser.newPage()
    if (screen.prepare) await screen.prepare(page, appUrl, simUrl)
    const result = await navigation(page, `${appUrl}${screen.path}`, {
      flags: {
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
        // Keeps the key (or the demo) prepared above.
        disableStorageReset: Boolean(screen.prepare),
      },
    })
    const lhr = result?.lhr
    if (!lhr) throw new Error(`Lighthouse returned nothing for ${screen.name}`)
    if (lhr.runtimeError) throw new Error(lhr.runtimeError.code)
    const score = (/** @type {string} */ id) => Math.round((lhr.categories[id]?.score ?? 0) * 100)
    /** @type {Record<string, number>} */
    const metrics = {}
    for (const id of METRICS)
      metrics[id] = Math.round((lhr.audits[id]?.numericValue ?? 0) * 1000) / 1000
    const failedA11y = (lhr.categories.accessibility?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => {
        const audit = lhr.audits[ref.id]
        const details = audit?.details
        const items =
          details && 'items' in details && Array.isArray(details.items) ? details.items : []
        const nodes = items
          .map((item) =>
            typeof item === 'object' && item !== null && 'node' in item
              ? JSON.stringify(item.node).slice(0, 300)
              : '',
          )
          .filter(Boolean)
        return `${ref.id}: ${audit?.title ?? ''} ${nodes.join(' | ')}`
      })
    if (process.env.BENCH_LH_DETAIL === '1') {
      mkdirSync('bench/results', { recursive: true })
      writeFileSync(
        `bench/results/lighthouse-${screen.name.replace(/\W+/g, '-')}.json`,
        JSON.stringify(lhr),
      )
    }
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      metrics,
      failedA11y,
    }
  } finally {
    await browser.disconnect()
    await chrome.kill()
  }
}

async function main() {
  const servers = await startServers({
    simPort: Number(process.env.BENCH_SIM_PORT ?? 8831),
    appPort: Number(process.env.BENCH_APP_PORT ?? 4431),
  })
  try {
    const only = process.env.BENCH_LH_SCREENS?.split(',')
    for (const screen of SCREENS.filter((s) => !only || only.includes(s.name))) {
      const scores = await lighthouseScreen(screen, servers.appUrl, servers.simUrl)
      console.log(
        `${screen.name}: performance ${scores.performance}, accessibility ${scores.accessibility}, best practices ${scores.bestPractices}`,
      )
      if (process.env.BENCH_LH_DETAIL === '1') {
        console.log(`  metrics (ms): ${JSON.stringify(scores.metrics)}`)
        for (const line of scores.failedA11y) console.log(`  a11y: ${line}`)
      }
    }
  } finally {
    servers.stop()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
