import { expect, expectNoAxeViolations, signIn, Sim, test, rawInstances, usd } from './fixtures'

test.describe('Money: burn header and still-billing', () => {
  test('shows credit, $/hr (running GPUs + all storage) and runway; destroys a stopped instance from Still billing', async ({
    page,
    request,
  }) => {
    const sim = await Sim.create(request, { instances: 6 })
    const rows = await rawInstances(request, sim.key)
    const perHour = rows.reduce(
      (sum, r) => sum + (r.actual_status === 'running' ? r.dph_total : r.storage_total_cost),
      0,
    )
    const runwayHours = 25 / perHour
    const stopped = rows.find((r) => r.label === 'notebook-old')
    expect(stopped).toBeDefined()

    await signIn(page, sim.key)
    await page.goto('/?tab=instances')
    const spending = page.getByRole('region', { name: 'Spending' })
    await expect(spending).toContainText('Credit$25.00')
    await expect(spending).toContainText(`Spending now${usd(perHour)}/hr`)
    // The two seeded running boxes burn the default $25 in about two hours: the header warns.
    const minutes = Math.floor(runwayHours * 60)
    expect(minutes).toBeLessThan(24 * 60)
    await expect(spending).toContainText(`Runway${Math.floor(minutes / 60)} h ${minutes % 60} min`)
    await expect(spending).toContainText(
      `Credit runs out in ${Math.floor(minutes / 60)} h ${minutes % 60} min at this rate`,
    )
    await expect(page.getByRole('article').first()).toContainText(/Cost so far[≈≥] \$/)

    const billing = page.getByRole('region', { name: /^Still billing/ })
    await expect(billing).toContainText(
      `Still billing: 1 stopped instance, ${usd((stopped?.storage_total_cost ?? 0) * 24)}/day`,
    )
    await expectNoAxeViolations(page)

    await billing.getByRole('button', { name: /^Still billing/, expanded: false }).click()
    await billing
      .getByRole('button', { name: `Destroy stopped instance ${stopped?.id ?? 0}` })
      .click()
    const dialog = page.getByRole('dialog', { name: `Destroy instance ${stopped?.id ?? 0}?` })
    await expect(dialog).toContainText('cannot be undone')
    await dialog.getByRole('button', { name: 'Destroy' }).click()
    await expect(billing).toHaveCount(0)
    await expect(
      page.getByRole('article', { name: new RegExp(`^Instance ${stopped?.id ?? 0}`) }),
    ).toHaveCount(0)
    const deletes = await sim.requests({ method: 'DELETE' })
    expect(deletes.map((r) => r.path)).toEqual([`/api/v0/instances/${stopped?.id ?? 0}/`])
  })

  test('bulk destroy asks once, listing every selected instance, then destroys each', async ({
    page,
    request,
  }) => {
    const sim = await Sim.create(request, { instances: 6 })
    const rows = await rawInstances(request, sim.key)
    const picked = rows.filter((r) => r.label === 'inference' || r.label === 'bad-image-test')
    expect(picked).toHaveLength(2)
    await signIn(page, sim.key)
    await page.goto('/?tab=instances')
    for (const row of picked) {
      await page.getByRole('checkbox', { name: `Select instance ${row.id}` }).check()
    }
    const bar = page.getByRole('toolbar', { name: 'Selected instances' })
    await expect(bar).toContainText('2 selected')
    await bar.getByRole('button', { name: 'Destroy selected' }).click()
    const dialog = page.getByRole('dialog', { name: 'Destroy 2 instances?' })
    for (const row of picked) await expect(dialog).toContainText(`${row.id} "${row.label}"`)
    expect(await sim.requests({ method: 'DELETE' })).toHaveLength(0)
    await dialog.getByRole('button', { name: 'Destroy 2' }).click()
    await expect(page.getByRole('article')).toHaveCount(4, { timeout: 20_000 })
    const deletes = await sim.requests({ method: 'DELETE' })
    expect(deletes.map((r) => r.path).sort()).toEqual(
      picked.map((r) => `/api/v0/instances/${r.id}/`).sort(),
    )
  })
})
