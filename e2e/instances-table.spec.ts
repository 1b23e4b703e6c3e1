import { expect, preferTable, rawInstances, Sim, signIn, test } from './fixtures'

test.describe('Instances table on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true })

  test('with 30 instances, 30 instances: a running instance is destroyed in 3 taps from the Instances tab', async ({
    page,
    request,
  }) => {
    const sim = await Sim.create(request, { instances: 30 })
    const running = (await rawInstances(request, sim.key)).find(
      (r) => r.actual_status === 'running',
    )
    expect(running).toBeDefined()
    const id = running?.id ?? 0
    await preferTable(page)
    await signIn(page, sim.key)
    await page.goto('/')

    await page.getByRole('tab', { name: /^Instances/ }).tap() // 1
    const table = page.getByRole('table', { name: 'Instances' })
    await expect(table.getByRole('row')).toHaveCount(31) // the head row and one per instance
    await table.getByRole('button', { name: `Destroy instance ${id}` }).tap() // 2
    const dialog = page.getByRole('dialog', { name: `Destroy instance ${id}?` })
    await expect(dialog).toContainText('/hr')
    await dialog.getByRole('button', { name: 'Destroy' }).tap() // 3

    await expect(table.getByRole('button', { name: `Destroy instance ${id}` })).toHaveCount(0)
    const deletes = await sim.requests({ method: 'DELETE' })
    expect(deletes.map((r) => r.path)).toEqual([`/api/v0/instances/${id}/`])
    // Nothing sideways on the phone.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
  })
})

test.describe('Instances table', () => {
  test('rows are GPU-first, expand into the card, and the choice of cards is kept', async ({
    page,
    request,
  }) => {
    const sim = await Sim.create(request, { instances: 6 })
    await preferTable(page)
    await signIn(page, sim.key)
    await page.goto('/?tab=instances')
    const table = page.getByRole('table', { name: 'Instances' })
    const row = table.getByRole('row', { name: /inference/ })
    // The GPU first, then the id and label.
    await expect(row.getByRole('button', { expanded: false })).toHaveAccessibleName(
      /^\d+× .+\d+ · inference/,
    )
    await expect(row).toContainText('Running')
    await expect(row).toContainText(/up 26 h/)
    await expect(page.getByRole('article')).toHaveCount(0)

    await row.getByRole('button', { expanded: false }).click()
    const card = page.getByRole('article', { name: /inference/ })
    await expect(card).toBeVisible()
    await expect(card).toContainText(/Cost so far[≈≥] \$/)

    // Still billing is one line until opened.
    const billing = page.getByRole('region', { name: /^Still billing/ })
    await expect(billing.getByRole('button', { name: /^Destroy/ })).toBeHidden()

    await page.getByRole('radio', { name: 'Cards' }).check()
    await expect(page.getByRole('article')).toHaveCount(6)
    await page.reload()
    await expect(page.getByRole('table', { name: 'Instances' })).toHaveCount(0)
  })
})

test.describe('Rent dialog on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true })

  test('fits the screen with Rent in view; Enter in Label sends nothing', async ({ page, sim }) => {
    await signIn(page, sim.key)
    await page.goto('/')
    // On a phone offers are cards: the first card's Rent.
    await page.getByRole('button', { name: 'Rent', exact: true }).first().click()
    const dialog = page.getByRole('dialog')
    await expect(dialog).toBeVisible()
    const rent = dialog.getByRole('button', { name: 'Rent', exact: true })
    await expect(rent).toBeInViewport({ ratio: 1 })
    const box = await dialog.boundingBox()
    expect(box?.width ?? 999).toBeLessThanOrEqual(390)
    expect((box?.y ?? 0) + (box?.height ?? 999)).toBeLessThanOrEqual(844)

    await dialog.getByLabel('Label').fill('my-box')
    await dialog.getByLabel('Label').press('Enter')
    await page.waitForTimeout(500)
    await expect(dialog).toBeVisible()
    expect(await sim.requests({ method: 'PUT' })).toEqual([])
    await expect(rent).toBeInViewport({ ratio: 1 })

    // Ctrl+Enter is the keyboard's way to rent: exactly one request.
    await dialog.getByLabel('Label').press('Control+Enter')
    await expect(page.getByRole('dialog')).toHaveCount(0)
    const puts = await sim.requests({ method: 'PUT' })
    expect(puts.map((r) => r.path)).toEqual([expect.stringMatching(/^\/api\/v0\/asks\/\d+\/$/)])
  })
})
