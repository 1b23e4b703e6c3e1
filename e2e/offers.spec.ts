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

    const rows = table.locator('tbody tr')
    await expect(rows.first()).toContainText('H100 SXM')
    const texts = await rows.allInnerTexts()
    expect(texts.length).toBeGreaterThan(0)
    for (const text of texts) expect(text).toContain('H100 SXM')
  })
})
