import { expect, expectNoAxeViolations, Sim, signIn, test } from './fixtures'

const BUNDLES = { method: 'POST', path: /^\/api\/v0\/bundles\/$/ }

test.describe('Offer explorer', () => {
  test('the whole query lives in the URL: applied on load, Back restores it, a reload keeps it', async ({
    page,
    sim,
  }) => {
    await signIn(page, sim.key)
    await page.goto('/?gpu=RTX+4090&gpu=H100_SXM&vram=20&price=3&country=US,CA&countrymode=exclude')
    const table = page.getByRole('table', { name: 'GPU offers' })
    await expect(table.getByRole('button', { name: 'Rent' }).first()).toBeVisible()

    // The filters show in their fields and went to Vast in the raw API's units.
    await expect(page.getByRole('button', { name: 'Remove H100 SXM' })).toBeVisible()
    await expect(page.getByRole('textbox', { name: 'Min VRAM (GB)' })).toHaveValue('20')
    await expect(page.getByRole('textbox', { name: 'Countries' })).toHaveValue('US, CA')
    const [first] = await sim.requests(BUNDLES)
    expect(first?.body).toMatchObject({
      gpu_name: { in: ['RTX 4090', 'H100 SXM'] },
      gpu_ram: { gte: 19046 },
      dph_total: { lte: 3 },
      geolocation: { notin: ['US', 'CA'] },
    })

    // A stricter filter is answered from the rows already loaded: no request.
    const sent = (await sim.requests(BUNDLES)).length
    await page.getByRole('textbox', { name: 'Min CUDA' }).fill('12.4')
    await expect(page).toHaveURL(/cuda=12.4/)
    await expect(page.getByText('(narrowed from loaded results, no request)')).toBeVisible()
    expect(await sim.requests(BUNDLES)).toHaveLength(sent)

    // Another pricing type is a new search.
    await page.getByRole('combobox', { name: 'Pricing' }).selectOption('bid')
    await expect(page).toHaveURL(/type=bid/)
    await expect
      .poll(async () => (await sim.requests(BUNDLES)).map((r) => JSON.stringify(r.body)))
      .toContainEqual(expect.stringMatching(/"cuda_max_good":\{"gte":12.4\}.*"type":"bid"/))

    await page.goBack()
    await expect(page).not.toHaveURL(/type=bid/)
    await expect(page.getByRole('combobox', { name: 'Pricing' })).toHaveValue('on-demand')
    await page.goBack()
    await expect(page).not.toHaveURL(/cuda=/)
    await expect(page.getByRole('textbox', { name: 'Min CUDA' })).toHaveValue('')
    await page.goForward()
    await expect(page.getByRole('textbox', { name: 'Min CUDA' })).toHaveValue('12.4')
    await page.goForward()
    await expect(page.getByRole('combobox', { name: 'Pricing' })).toHaveValue('bid')

    // Header clicks sort the loaded rows; that order is in the URL too.
    await table.getByRole('button', { name: '$/hr' }).click()
    await table.getByRole('button', { name: '$/hr' }).click()
    await expect(page).toHaveURL(/rowsort=price%3Adesc/)

    await page.reload()
    await expect(page.getByRole('textbox', { name: 'Min CUDA' })).toHaveValue('12.4')
    await expect(page.getByRole('button', { name: 'Remove RTX 4090' })).toBeVisible()
    await expect(page.getByRole('columnheader', { name: /\$\/hr/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    )
    await expectNoAxeViolations(page)
  })

  test('a saved search comes back by name, after a reload too', async ({ page, sim }) => {
    await signIn(page, sim.key)
    await page.goto('/')
    await expect(page.getByRole('table', { name: 'GPU offers' })).toBeVisible()
    await page.getByRole('textbox', { name: 'Max $/hr' }).fill('0.8')
    await page.getByRole('combobox', { name: 'Number of GPUs' }).selectOption('2')
    await expect(page).toHaveURL(/price=0.8/)

    await page.getByText('Saved searches (0)').click()
    await page.getByRole('textbox', { name: 'Search name' }).fill('Two cheap GPUs')
    await page.getByRole('button', { name: 'Save search' }).click()
    await expect(page.getByText('Saved “Two cheap GPUs”.')).toBeVisible()

    await page.getByRole('button', { name: 'Reset filters' }).click()
    await expect(page).not.toHaveURL(/price=/)
    await page.reload()
    await page.getByText('Saved searches (1)').click()
    await page
      .getByRole('list', { name: 'Saved searches' })
      .getByRole('button', { name: 'Two cheap GPUs', exact: true })
      .click()
    await expect(page).toHaveURL(/price=0.8/)
    await expect(page).toHaveURL(/gpus=2/)
    await expect(page.getByRole('textbox', { name: 'Max $/hr' })).toHaveValue('0.8')
    await expect
      .poll(async () => (await sim.requests(BUNDLES)).map((r) => JSON.stringify(r.body)).at(-1))
      .toContain('"dph_total":{"lte":0.8}')
  })

  test('5,000 offers: at most 200 rows in the DOM, sorting, quick filter and keyboard', async ({
    page,
    request,
  }) => {
    const big = await Sim.create(request, { offers: 5000, rateLimits: false })
    await signIn(page, big.key)
    await page.goto('/?verified=0&limit=5000')
    const table = page.getByRole('table', { name: 'GPU offers' })
    await expect(page.getByText(/^\d{4} offers/)).toBeVisible({ timeout: 20_000 })
    const total = Number((await page.getByText(/^\d{4} offers/).innerText()).split(' ')[0])
    expect(total).toBeGreaterThan(4000)
    await expect(table).toHaveAttribute('aria-rowcount', String(total + 1))
    const rows = table.locator('tbody tr[aria-rowindex]')
    expect(await rows.count()).toBeLessThanOrEqual(200)

    // Sort by price: the first row is the cheapest of all 5,000.
    await table.getByRole('button', { name: '$/hr' }).click()
    const firstPrice = Number(
      (await rows.first().locator('td').nth(2).innerText()).replace(/[^0-9.]/g, ''),
    )
    const body = (await big.requests(BUNDLES)).at(-1)?.body
    expect(body).toMatchObject({ limit: 5000 })

    // The quick filter narrows the loaded rows without a request.
    const before = (await big.requests(BUNDLES)).length
    await page.getByRole('searchbox', { name: 'Filter offers' }).fill('H100 SXM')
    await expect(page.getByText(/^\d+ of \d+ loaded offers match$/)).toBeVisible()
    await expect(rows.first()).toContainText('H100 SXM')
    expect(await big.requests(BUNDLES)).toHaveLength(before)
    await page.getByRole('searchbox', { name: 'Filter offers' }).fill('')
    await expect(table).toHaveAttribute('aria-rowcount', String(total + 1))
    expect(
      Number((await rows.first().locator('td').nth(2).innerText()).replace(/[^0-9.]/g, '')),
    ).toBe(firstPrice)

    // Arrow keys walk the rows' Rent buttons; End reaches the last of 5,000; Enter opens Rent.
    await rows.first().getByRole('button', { name: 'Rent' }).focus()
    await page.keyboard.press('ArrowDown')
    await expect(
      table.locator('tr[aria-rowindex="3"]').getByRole('button', { name: 'Rent' }),
    ).toBeFocused()
    await page.keyboard.press('End')
    await expect(
      table.locator(`tr[aria-rowindex="${total + 1}"]`).getByRole('button', { name: 'Rent' }),
    ).toBeFocused()
    expect(await rows.count()).toBeLessThanOrEqual(200)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('dialog', { name: /^Rent / })).toBeVisible()
  })

  test('the price/performance chart and the rows point at each other', async ({ page, sim }) => {
    await signIn(page, sim.key)
    await page.goto('/?limit=50')
    const table = page.getByRole('table', { name: 'GPU offers' })
    await expect(table.getByRole('button', { name: 'Rent' }).first()).toBeVisible()
    await page.getByRole('button', { name: 'Show price/performance chart' }).click()
    const chart = page.getByRole('application', { name: /Price against DLPerf/ })
    await expect(chart).toBeVisible()

    // Hovering a row highlights its dot (the chart's readout names the offer).
    const row = table.locator('tbody tr[aria-rowindex="4"]')
    const description = await row
      .getByRole('button', { name: 'Rent' })
      .getAttribute('aria-describedby')
    const offerText = await page.locator(`[id="${description}"]`).innerText()
    const offerId = /offer (\d+)$/.exec(offerText)?.[1]
    await row.hover()
    await expect(page.getByText(new RegExp(`^Offer ${offerId}: `))).toBeVisible()

    // The chart's keyboard cursor picks the cheapest dot: its row is ticked for comparison.
    await chart.focus()
    await page.keyboard.press('ArrowRight')
    const readout = page.getByText(/^Offer \d+: /)
    await expect(readout).toBeVisible()
    const picked = /^Offer (\d+)/.exec(await readout.innerText())?.[1]
    await page.keyboard.press('Enter')
    await expect(page.getByRole('checkbox', { name: `Compare offer ${picked}` })).toBeChecked()

    await expectNoAxeViolations(page)
  })

  test('a 429 shows "throttled, retrying in N s" and the offers arrive once Vast allows', async ({
    page,
    sim,
  }) => {
    await signIn(page, sim.key)
    await sim.simulate({ bundles: 'rate_limited' })
    await page.goto('/')
    await expect(page.getByText(/Throttled by Vast, retrying in \d+ s/)).toBeVisible()
    await expect(page.getByRole('alert')).toHaveCount(0)
    await sim.simulate({ bundles: 'ok' })
    await expect(
      page.getByRole('table', { name: 'GPU offers' }).getByRole('button', { name: 'Rent' }).first(),
    ).toBeVisible({ timeout: 30_000 })
  })

  test('an empty result says which filter emptied it', async ({ page, sim }) => {
    await signIn(page, sim.key)
    await page.goto('/?gpu=RTX+4090&price=0.01')
    await expect(page.getByText('No offers match these filters')).toBeVisible()
    await expect(
      page.getByText(
        /^“price ≤ \$0\.01\/hr” emptied the list: without it, \d+ of \d+ sampled offers would match\.$/,
      ),
    ).toBeVisible()
  })
})
