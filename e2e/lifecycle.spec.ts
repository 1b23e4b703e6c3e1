import { expect, expectNoAxeViolations, openRentDialog, signIn, test } from './fixtures'

test.describe('Rent → running → SSH → stop → destroy', () => {
  test('a double-clicked rent creates exactly one instance, which boots, stops and is destroyed', async ({
    page,
    sim,
  }) => {
    await signIn(page, sim.key)
    await page.goto('/')
    const table = page.getByRole('table', { name: 'GPU offers' })
    await table.getByRole('button', { name: /^Rent/ }).first().click()

    const dialog = page.getByRole('dialog')
    await expect(dialog).toBeVisible()
    await expect(dialog.getByLabel('Docker image')).toHaveValue(
      'vastai/base-image:@vastai-automatic-tag',
    )
    await expect(dialog.getByLabel('Disk (GB)')).toHaveValue('10')
    await expect(dialog).toContainText('/day')
    await expectNoAxeViolations(page)

    await dialog.getByRole('button', { name: 'Rent', exact: true }).dblclick()

    const card = page.getByRole('article', { name: /^Instance \d+/ })
    await expect(card).toHaveCount(1)
    await expect(card).toContainText('Provisioning')
    const rentals = await sim.requests({ method: 'PUT', path: /^\/api\/v0\/asks\/\d+\/$/ })
    expect(rentals).toHaveLength(1)

    await sim.advance(10_000)
    await expect(card).toContainText('Loading image…')
    await sim.advance(30_000)
    await expect(card).toContainText('Running')
    await expect(card.getByLabel('SSH command', { exact: true })).toHaveText(
      /^ssh -p \d+ root@\S+$/,
    )
    await expectNoAxeViolations(page)

    await card.getByRole('button', { name: 'Stop' }).click()
    const stopDialog = page.getByRole('dialog')
    await expect(stopDialog).toContainText('storage')
    await stopDialog.getByRole('button', { name: 'Stop' }).click()
    await sim.advance(10_000)
    await expect(card).toContainText('Stopped')

    await card.getByRole('button', { name: 'Destroy' }).click()
    const destroyDialog = page.getByRole('dialog')
    await expect(destroyDialog).toContainText('deleted')
    await destroyDialog.getByRole('button', { name: 'Destroy' }).click()
    await expect(page.getByRole('article', { name: /^Instance \d+/ })).toHaveCount(0)
    const deletes = await sim.requests({ method: 'DELETE' })
    expect(deletes.map((r) => r.path)).toEqual([
      expect.stringMatching(/^\/api\/v0\/instances\/\d+\/$/),
    ])
  })

  test('an offer taken before the rent lands says so', async ({ page, sim }) => {
    await signIn(page, sim.key)
    await page.goto('/')
    await openRentDialog(page)
    await sim.simulate({ rent: 'offer_gone' })
    await page.getByRole('dialog').getByRole('button', { name: 'Rent', exact: true }).click()
    await expect(page.getByRole('dialog').getByRole('alert')).toContainText('just taken')
  })
})

test('the environment box: a bad line is named and nothing is sent; a good one goes as Vast’s env object and opens its port', async ({
  page,
  sim,
}) => {
  await signIn(page, sim.key)
  await page.goto('/')
  const dialog = await openRentDialog(page)
  const env = dialog.getByLabel('Environment')
  await env.fill('HF_TOKEN=hf_x\nBAD NAME=1')
  await dialog.getByRole('button', { name: 'Rent', exact: true }).click()
  await expect(dialog.getByText(/^Line 2: write NAME=value/)).toBeVisible()
  await expect(env).toHaveAttribute('aria-invalid', 'true')
  expect(await sim.requests({ method: 'PUT' })).toHaveLength(0)

  await env.fill('HF_TOKEN=hf_x\n-p 8000:8000')
  await dialog.getByRole('button', { name: 'Rent', exact: true }).click()
  const card = page.getByRole('article', { name: /^Instance \d+/ })
  await expect(card).toHaveCount(1)
  const rentals = await sim.requests({ method: 'PUT', path: /^\/api\/v0\/asks\/\d+\/$/ })
  expect(rentals).toHaveLength(1)
  expect(rentals[0]?.body).toMatchObject({ env: { HF_TOKEN: 'hf_x', '-p 8000:8000': '1' } })
  await sim.advance(10_000)
  await sim.advance(30_000)
  await expect(card).toContainText('Running')
  await expect(card.getByRole('link', { name: 'Port 8000' })).toBeVisible()
})
