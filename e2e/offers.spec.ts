import { expect, expectNoAxeViolations, signIn, test } from './fixtures'

test.describe('Offers', () => {
  test('the table lists offers from the bundles endpoint and filters by GPU model', async ({
    page,
    sim,
  }) => {
    await signIn(page, sim.key)
    await page.goto('/')
    const table = page.getByRole('table', { name: 'GPU offers' })
    await expect(table.getByRole('button', { name: /^Rent/ }).first()).toBeVisible()
    await expectNoAxeViolations(page)

    await page.getByRole('combobox', { name: 'GPU model' }).fill('H100 SXM')
    await expect
      .poll(async () =>
        (await sim.requests({ method: 'POST', path: /^\/api\/v0\/bundles\/$/ })).map((r) =>
          JSON.stringify(r.body),
        ),
      )
      .toContainEqual(expect.stringContaining('"gpu_name":{"eq":"H100 SXM"}'))

    // The previous results stay on screen while the new search runs ("Searching…"): wait for its
    // answer, then for every row shown to be an H100 SXM, so no old row is read as a new one.
    const results = page.getByRole('region', { name: 'Search results' })
    await expect(results.getByText('Searching…')).toHaveCount(0)
    const rows = table.locator('tbody').getByRole('row')
    await expect
      .poll(async () => {
        const texts = await rows.allInnerTexts()
        return texts.length > 0 && texts.every((text) => text.includes('H100 SXM'))
      })
      .toBe(true)
    for (const text of await rows.allInnerTexts()) expect(text).toContain('H100 SXM')
  })
})
