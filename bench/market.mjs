// @ts-check
// Market memory with 50,000 recorded offers (500 searches of 100 offers over 2,000 machines), in
// Chromium against the simulator: the import of the whole memory as one JSON file, its size on
// disk (IndexedDB usage as the browser reports it), the reload that reads it back, and the first
// paint of a GPU model page opened by its link (price over time and cheapest hours).
// Builds nothing: expects dist/ and dist-sim/. Prints a table; writes bench/results/market.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createWorld, launchBrowser, signedInPage, startServers } from './harness.mjs'

const SEARCHES = 500
const PER_SEARCH = 100
const MACHINES = 2_000

/** @param {number} seed */
function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The memory the app would have after recording these searches (same bounds as the app). @param {string[]} models */
function buildMemory(models) {
  const random = rng(7)
  const start = Date.now() - SEARCHES * 3_600_000
  /** @type {Map<number, {machineId: number, model: string, lastSeen: number, sightings: object[]}>} */
  const machines = new Map()
  /** @type {object[]} */
  const snapshots = []
  /** @type {Map<string, {key: string, model: string, type: string, byHour: {n: number, sum: number, min: number | null}[], byWeekday: {n: number, sum: number, min: number | null}[]}>} */
  const buckets = new Map()
  for (let s = 0; s < SEARCHES; s += 1) {
    const at = start + s * 3_600_000
    /** @type {Record<string, number[]>} */
    const byModel = {}
    for (let i = 0; i < PER_SEARCH; i += 1) {
      const machineId = 1 + Math.floor(random() * MACHINES)
      const model = models[machineId % models.length] ?? 'RTX 4090'
      const price = 0.2 + (machineId % 50) / 20 + random() * 0.2
      ;(byModel[model] ??= []).push(price)
      const m = machines.get(machineId) ?? { machineId, model, lastSeen: at, sightings: [] }
      m.sightings = [
        ...m.sightings,
        { at, price, reliability: 0.9 + random() * 0.1, gpus: 1 },
      ].slice(-48)
      m.lastSeen = at
      machines.set(machineId, m)
    }
    for (const [model, values] of Object.entries(byModel)) {
      values.sort((a, b) => a - b)
      const median = values[Math.floor(values.length / 2)] ?? 0
      const key = `on-demand|${model}`
      const empty = () => ({ n: 0, sum: 0, min: /** @type {number | null} */ (null) })
      const b = buckets.get(key) ?? {
        key,
        model,
        type: 'on-demand',
        byHour: Array.from({ length: 24 }, empty),
        byWeekday: Array.from({ length: 7 }, empty),
      }
      const date = new Date(at)
      for (const [list, i] of /** @type {const} */ ([
        [b.byHour, date.getHours()],
        [b.byWeekday, date.getDay()],
      ])) {
        const cell = list[i] ?? empty()
        list[i] = {
          n: cell.n + 1,
          sum: cell.sum + median,
          min: Math.min(cell.min ?? median, median),
        }
      }
      buckets.set(key, b)
    }
    snapshots.push({ at, type: 'on-demand', byModel })
  }
  return {
    format: 'vast-console.market-memory',
    version: 2,
    snapshots: snapshots.slice(-300),
    machines: [...machines.values()],
    models: [...buckets.values()],
    boots: [],
  }
}

const servers = await startServers({
  simPort: Number(process.env.BENCH_SIM_PORT ?? 8806),
  appPort: Number(process.env.BENCH_APP_PORT ?? 4406),
})
const browser = await launchBrowser()
try {
  const key = await createWorld(servers.simUrl, { clock: 'manual', rateLimits: false })
  const names = await fetch(`${servers.simUrl}/api/v0/gpu_names/unique/`).then((r) => r.json())
  const memory = buildMemory(
    names.gpu_names.map((/** @type {string} */ n) => n.replaceAll('_', ' ')),
  )
  const file = join(tmpdir(), `market-memory-${process.pid}.json`)
  const text = JSON.stringify(memory)
  writeFileSync(file, text)

  const { page } = await signedInPage(browser, key)
  await page.goto(`${servers.appUrl}/`)
  await page
    .getByRole('table', { name: 'GPU offers' })
    .getByRole('button', { name: /^Rent/ })
    .first()
    .waitFor()
  await page.getByText(/^Price history on this device/).click()
  const t0 = await page.evaluate(() => performance.now())
  await page.getByLabel('Import market memory').setInputFiles(file)
  await page.getByText(/^Imported \d+ searches/).waitFor({ timeout: 120_000 })
  const importMs = Math.round((await page.evaluate(() => performance.now())) - t0)
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0)

  await page.reload()
  await page
    .getByText(/^Price history on this device \(\d{3} searches\)/)
    .waitFor({ timeout: 120_000 })
  const listedMs = await page.evaluate(() => Math.round(performance.now()))

  // The model page opened by its link (`?model=…`), as a fresh load: from navigation start to
  // both charts drawn (price over time from the 300 searches kept, cheapest hours).
  const model = memory.models[0]?.model ?? 'RTX 4090'
  await page.goto(`${servers.appUrl}/?model=${encodeURIComponent(model)}`)
  const dialog = page.getByRole('dialog', { name: `${model}: price history` })
  await dialog
    .getByRole('img', { name: /price over time: \d{3} searches/ })
    .waitFor({ timeout: 120_000 })
  await dialog.getByRole('img', { name: /cheapest hours:/ }).waitFor({ timeout: 120_000 })
  const modelPageMs = await page.evaluate(
    () =>
      new Promise((resolve) => requestAnimationFrame(() => resolve(Math.round(performance.now())))),
  )

  const results = {
    recordedOffers: SEARCHES * PER_SEARCH,
    machines: memory.machines.length,
    exportJsonKb: Math.round(text.length / 1024),
    indexedDbUsageKb: Math.round(usage / 1024),
    importMs,
    reloadHistoryReadMs: listedMs,
    modelPageFirstPaintMs: modelPageMs,
  }
  console.log('\nMarket memory, Chromium (headless), simulator without rate limits\n')
  console.table(results)
  mkdirSync('bench/results', { recursive: true })
  writeFileSync(
    'bench/results/market.json',
    `${JSON.stringify({ measuredAt: new Date().toISOString(), ...results }, null, 2)}\n`,
  )
} finally {
  await browser.close()
  servers.stop()
}
