// @ts-check
// The fleet watched from the Offers tab: list requests a minute with 50 settled instances while
// the user stays on Offers (the app-level poll), and how long after the API changes an event
// reaches the header's inbox. Run by bench/run.mjs, or alone: `node bench/fleet.mjs` (builds
// nothing: expects dist/ and dist-sim/).
import { pathToFileURL } from 'node:url'
import {
  advanceWorld,
  createWorld,
  launchBrowser,
  requestsOf,
  signedInPage,
  sleep,
  startServers,
} from './harness.mjs'

const POLL_WINDOW_MS = Number(process.env.BENCH_POLL_WINDOW_MS ?? 60_000)
const SETTLE_ALL_MS = 6 * 3600_000

/**
 * List requests a minute with the Offers tab open and `count` settled instances.
 * @param {import('@playwright/test').Browser} browser @param {string} appUrl @param {string} simUrl
 * @param {number} count
 */
export async function offersTabPollingRate(browser, appUrl, simUrl, count = 50) {
  const key = await createWorld(simUrl, { clock: 'manual', instances: count })
  await advanceWorld(simUrl, key, SETTLE_ALL_MS)
  const { context, page } = await signedInPage(browser, key)
  await page.goto(appUrl)
  await page.getByRole('table', { name: 'GPU offers' }).waitFor()
  await page.getByRole('link', { name: /^Fleet:/ }).waitFor()
  await sleep(3_000)
  const before = (await requestsOf(simUrl, key)).length
  await sleep(POLL_WINDOW_MS)
  const during = (await requestsOf(simUrl, key)).slice(before)
  await context.close()
  const lists = during.filter((r) => r.path === '/api/v1/instances/').length
  return (lists * 60_000) / POLL_WINDOW_MS
}

/**
 * From the API's change (a loading instance becomes running) to the header's inbox counting the
 * event, with the Offers tab open: worst of 3.
 * @param {import('@playwright/test').Browser} browser @param {string} appUrl @param {string} simUrl
 */
export async function eventDelays(browser, appUrl, simUrl) {
  const delays = []
  for (let i = 0; i < 3; i += 1) {
    const key = await createWorld(simUrl, { clock: 'manual', instances: 5 })
    const { context, page } = await signedInPage(browser, key)
    await page.goto(appUrl)
    await page.getByRole('table', { name: 'GPU offers' }).waitFor()
    await page.getByRole('link', { name: /^Fleet:/ }).waitFor()
    // Measured from a random point in the poll cycle.
    await sleep(1_000 + Math.random() * 2000)
    const t0 = Date.now()
    await advanceWorld(simUrl, key, SETTLE_ALL_MS)
    await page
      .getByRole('banner')
      .getByText(/^Events \(\d+ new\)$/)
      .waitFor({ timeout: 60_000 })
    delays.push(Date.now() - t0)
    await context.close()
  }
  return delays
}

async function main() {
  const servers = await startServers()
  const browser = await launchBrowser()
  try {
    const onOffers = await offersTabPollingRate(browser, servers.appUrl, servers.simUrl)
    const delays = await eventDelays(browser, servers.appUrl, servers.simUrl)
    console.log(`list requests/min while on Offers, 50 settled instances: ${onOffers.toFixed(1)}`)
    console.log(`event delay after the API changes (worst of 3): ${Math.max(...delays)} ms`)
  } finally {
    await browser.close()
    servers.stop()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
