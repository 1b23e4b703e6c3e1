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

test('each machine seen in more than one search shows what this browser remembers of it', async ({
  page,
  sim,
}) => {
  await signIn(page, sim.key)
  await page.goto('/')
  const table = page.getByRole('table', { name: 'GPU offers' })
  await expect(table.getByRole('columnheader', { name: 'Seen before' })).toBeVisible()
  await expect(table.getByRole('button', { name: 'Rent' }).first()).toBeVisible()
  // One search: each machine seen once, which says nothing yet.
  await expect(page.getByText('Price history on this device (1 search)')).toBeVisible()
  await expect(table.getByText(/^usually /)).toHaveCount(0)
  // A second search sees the same machines again.
  await page.getByRole('button', { name: 'More filters' }).click()
  await page.getByRole('combobox', { name: 'Results' }).selectOption('500')
  await expect(page.getByText('Price history on this device (2 searches)')).toBeVisible()
  await expect(table.getByText(/^usually \$\d+\.\d{3}\/hr \(2 seen\)$/).first()).toBeVisible()

  // After a reload the page's own search is the third sighting, added to the two kept. Another
  // tab writing to the memory holds this one's read back, so the first answer (there at once)
  // is recorded before the stored memory is read: it must add to it, not replace it.
  const other = await page.context().newPage()
  await other.goto('/favicon.svg')
  await other.evaluate(holdMemoryBusy, 3_000)
  await page.reload()
  await expect(table.getByRole('button', { name: 'Rent' }).first()).toBeVisible()
  await expect(page.getByText('Price history on this device (3 searches)')).toBeVisible()
  await expect(table.getByText(/^usually \$\d+\.\d{3}\/hr \(3 seen\)$/).first()).toBeVisible()
})

/** In the page: keeps a write transaction over the whole memory open for `ms` (another tab). */
function holdMemoryBusy(ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('vast-console.price-history')
    open.onerror = () => reject(new Error('no database'))
    open.onsuccess = () => {
      const names = ['snapshots', 'machines', 'models', 'boots']
      const store = open.result.transaction(names, 'readwrite').objectStore('machines')
      const until = Date.now() + ms
      const spin = () => {
        if (Date.now() < until) store.count().onsuccess = spin
      }
      spin()
      resolve()
    }
  })
}

test('a GPU model page shows its price over time and cheapest hours, and a link opens it', async ({
  page,
  sim,
}) => {
  await signIn(page, sim.key)
  await page.goto('/')
  const table = page.getByRole('table', { name: 'GPU offers' })
  await page.getByRole('button', { name: 'More filters' }).click()
  await page.getByRole('combobox', { name: 'Results' }).selectOption('500')
  await expect(page.getByText('Price history on this device (2 searches)')).toBeVisible()

  const open = table.getByRole('button', { name: /^Price history of / }).first()
  const model = (await open.getAttribute('aria-label'))?.replace('Price history of ', '') ?? ''
  await open.click()
  const dialog = page.getByRole('dialog', { name: `${model}: price history` })
  await expect(
    dialog.getByRole('img', {
      name: new RegExp(
        `^${model} price over time: 2 searches from .+, median from \\$\\d+\\.\\d{3}`,
      ),
    }),
  ).toBeVisible()
  await expect(
    dialog.getByRole('img', { name: new RegExp(`^${model} cheapest hours: \\d\\d:00 \\(\\$`) }),
  ).toBeVisible()
  await expect(dialog.getByText(/^Cheapest at \d\d:00/)).toBeVisible()

  // The page is in the URL: a reload (its own search the third) shows it again; closing leaves.
  expect(new URL(page.url()).searchParams.get('model')).toBe(model)
  await page.reload()
  await expect(
    dialog.getByRole('img', { name: new RegExp(`^${model} price over time: 3 searches`) }),
  ).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  expect(new URL(page.url()).searchParams.get('model')).toBeNull()
})
