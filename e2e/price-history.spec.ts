import { readFile } from 'node:fs/promises'
import { expect, signIn, test } from './fixtures'

// The "Seen before" column is shown from 1536 px wide (narrower windows keep Rent in view).
test.use({ viewport: { width: 1600, height: 900 } })

test('price history: every search is kept on this device, summarized per GPU model, and exported', async ({
  page,
  sim,
}) => {
  await signIn(page, sim.key)
  await page.goto('/')
  const table = page.getByRole('table', { name: 'GPU offers' })
  await expect(table.getByRole('button', { name: 'Rent' }).first()).toBeVisible()
  // A second, wider search is a second snapshot (the count is per pricing type).
  await page.getByRole('button', { name: 'More filters' }).click()
  await page.getByRole('combobox', { name: 'Results' }).selectOption('500')
  const summary = page.getByText('Price history on this device (2 searches)')
  await expect(summary).toBeVisible()

  // Offers now carry how their price compares with what this browser has seen.
  await expect(table.getByText(/^cheaper than \d+% seen$/).first()).toBeVisible()

  await summary.click()
  const perModel = page.getByRole('table', { name: '$/GPU-hour seen per GPU model' })
  const first = perModel.getByRole('row').nth(1)
  await expect(first.getByRole('cell').nth(1)).toHaveText(/^\$\d+\.\d{3}$/)
  // The model's cheapest hours to rent, from the hour-of-day buckets of the market memory.
  await expect(
    first.getByRole('img', { name: /cheapest hours: \d\d:00 \(\$\d+\.\d{3}\)/ }),
  ).toBeVisible()

  // Kept across a reload (IndexedDB); the reloaded page's own search is the third snapshot.
  await page.reload()
  await expect(table.getByRole('button', { name: 'Rent' }).first()).toBeVisible()
  await expect(page.getByText('Price history on this device (3 searches)')).toBeVisible()
  await page.getByText(/^Price history on this device/).click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export market memory' }).click()
  const file = await (await download).path()
  const text = await readFile(file, 'utf8')
  const exported: unknown = JSON.parse(text)
  expect(exported).toMatchObject({ format: 'vast-console.market-memory', version: 2 })
  // One JSON file: exactly the three searches, each an on-demand snapshot, and the machines seen.
  expect(exported).toHaveProperty('snapshots.length', 3)
  expect(exported).toHaveProperty('snapshots.2.type', 'on-demand')
  expect(exported).toHaveProperty('machines.0.sightings.0.price')
  await expect(page.getByText('Market memory exported.')).toBeVisible()
})

// Known defect: after the offers layout and search changes merged, the "Seen before" cells stay
// empty in the browser although the memory export holds the machines. The pure rules and the
// store are unit-tested (market-memory-store.test.tsx); the browser path needs fixing.
test.fixme('each machine seen in more than one search shows what this browser remembers of it', () => {})
