// @ts-check
// `npm run soak`: a bounded soak (SOAK_MINUTES, default 10) of the production build in Chromium
// against the simulator with the reference's rate limits on, and a real clock. It browses,
// filters, rents and destroys like a busy user, then prints the 429s the app drew, the errors it
// showed or logged, and the JS heap before and after (both after a forced GC).
// Not part of `npm test`. Needs `npm run build` first (the npm script does it).
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10)
const SIM_PORT = Number(process.env.SOAK_SIM_PORT ?? 8797)
const APP_PORT = Number(process.env.SOAK_APP_PORT ?? 4197)
const SIM = `http://127.0.0.1:${SIM_PORT}`
const APP = `http://127.0.0.1:${APP_PORT}`
const SYSTEM_CHROMIUM = '/usr/bin/chromium'
const APP_DIST = process.env.SOAK_DIST ?? 'dist'
const SIM_DIST = process.env.SOAK_SIM_DIST ?? 'dist-sim'

/** @type {import('node:child_process').ChildProcess[]} */
const children = []

/**
 * @param {string[]} args
 * @param {Record<string, string>} env
 * @param {string} readyUrl
 */
async function startServer(args, env, readyUrl) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  children.push(child)
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(readyUrl)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${args.join(' ')} did not start`)
}

function stopAll() {
  for (const child of children) child.kill()
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function main() {
  await startServer(
    [`${SIM_DIST}/serve.js`],
    { MOCK_PORT: String(SIM_PORT) },
    `${SIM}/__sim/health`,
  )
  await startServer(
    ['server/main.mjs'],
    { PORT: String(APP_PORT), HOST: '127.0.0.1', VAST_API_URL: SIM, DIST_DIR: APP_DIST },
    `${APP}/`,
  )
  const created = await fetch(`${SIM}/__sim/worlds`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clock: 'real', offers: 400, instances: 6, credit: 1000 }),
  })
  /** @type {{ key: string }} */
  const { key } = await created.json()

  const browser = await chromium.launch(
    existsSync(SYSTEM_CHROMIUM)
      ? {
          executablePath: SYSTEM_CHROMIUM,
          args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
        }
      : {},
  )
  const page = await browser.newPage()
  await page.addInitScript((value) => {
    window.localStorage.setItem(
      'vast-console.api-key',
      JSON.stringify({ v: 1, key: value, mode: 'live' }),
    )
  }, key)

  const errors = { console: 0, page: 0, api4xx5xx: 0, alerts: 0 }
  /** @type {string[]} */
  const samples = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      errors.console += 1
      if (samples.length < 5) samples.push(msg.text().slice(0, 200))
    }
  })
  page.on('pageerror', (error) => {
    errors.page += 1
    if (samples.length < 5) samples.push(error.message.slice(0, 200))
  })
  page.on('response', (res) => {
    if (new URL(res.url()).pathname.startsWith('/api/') && res.status() >= 400)
      errors.api4xx5xx += 1
  })

  await page.goto(APP)
  await page.getByRole('table', { name: 'GPU offers' }).waitFor({ timeout: 30_000 })
  const cdp = await page.context().newCDPSession(page)
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    return usedSize
  }
  const heapStart = await heap()

  const end = Date.now() + MINUTES * 60_000
  let cycle = 0
  let rented = 0
  let destroyed = 0
  const sorts = ['Lowest price', 'Best match (Vast score)']
  while (Date.now() < end) {
    cycle += 1
    try {
      await page.getByRole('tab', { name: 'Offers' }).click()
      await page.getByRole('table', { name: 'GPU offers' }).waitFor({ timeout: 20_000 })
      if (cycle % 3 === 0) {
        const sort = page.getByLabel('Sort by')
        if (await sort.count())
          await sort.selectOption({ label: sorts[cycle % 2] ?? 'Lowest price' })
      }
      if (cycle % 6 === 1) {
        await page
          .getByRole('table', { name: 'GPU offers' })
          .getByRole('button', { name: /^Rent/ })
          .first()
          .click()
        const dialog = page.getByRole('dialog')
        await dialog.getByRole('button', { name: 'Rent', exact: true }).click()
        await dialog.waitFor({ state: 'detached', timeout: 30_000 }).then(
          () => (rented += 1),
          async () => {
            errors.alerts += 1
            await page.keyboard.press('Escape')
          },
        )
      }
      await page.getByRole('tab', { name: 'Instances' }).click()
      await page.getByRole('heading', { name: 'Instances' }).waitFor({ timeout: 20_000 })
      await sleep(8_000) // watch the cards poll
      if (cycle % 6 === 4) {
        const destroy = page.getByRole('button', { name: 'Destroy' }).first()
        if (await destroy.count()) {
          await destroy.click()
          await page.getByRole('dialog').getByRole('button', { name: 'Destroy' }).click()
          await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 30_000 })
          destroyed += 1
        }
      }
      errors.alerts += await page.getByRole('alert').count()
    } catch (error) {
      errors.page += 1
      if (samples.length < 5) samples.push(String(error).slice(0, 200))
      await page.keyboard.press('Escape').catch(() => undefined)
    }
  }

  const heapEnd = await heap()
  const statsRes = await fetch(`${SIM}/__sim/worlds/${key}/stats`)
  /** @type {{ requests: number, rateLimited: number }} */
  const stats = await statsRes.json()
  await browser.close()

  const mb = (/** @type {number} */ n) => (n / 1024 / 1024).toFixed(1)
  console.log(`Soak: ${MINUTES} min, ${cycle} cycles, ${rented} rentals, ${destroyed} destroys`)
  console.log(`  API requests: ${stats.requests}`)
  console.log(`  429s drawn:   ${stats.rateLimited}`)
  console.log(
    `  errors:       ${errors.api4xx5xx} API 4xx/5xx, ${errors.console} console errors, ${errors.page} page errors, ${errors.alerts} alerts seen`,
  )
  console.log(
    `  JS heap:      ${mb(heapStart)} MB → ${mb(heapEnd)} MB (${heapEnd >= heapStart ? '+' : ''}${mb(heapEnd - heapStart)} MB)`,
  )
  for (const sample of samples) console.log(`  sample: ${sample}`)
}

main()
  .catch((error) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(stopAll)
