import { expect, rentFirstOffer, signIn, Sim, test, rawInstances } from './fixtures'

test.describe('Watching', () => {
  test('the phase timeline follows created → loading → running with pull progress', async ({
    page,
    sim,
  }) => {
    await signIn(page, sim.key)
    await page.goto('/')
    await rentFirstOffer(page)
    const card = page.getByRole('article', { name: /^Instance \d+/ })
    await expect(card).toContainText('Provisioning')
    await sim.advance(15_000) // 10 s into the 20 s pull
    await expect(card.getByRole('progressbar', { name: 'Image pull progress' })).toHaveAttribute(
      'value',
      '50',
    )
    const timeline = card.getByRole('list', { name: 'Steps seen by this browser' })
    await expect(timeline).toContainText('Loading image…')
    await expect(timeline.getByRole('listitem').first()).toContainText(/^Created \d\d:\d\d, took/)
    await sim.advance(30_000)
    await expect(card).toContainText('Running')
    await expect(timeline.getByRole('listitem')).toHaveText([
      /^Created \d\d:\d\d, took \d+ s$/,
      /→ Loading image… \d\d:\d\d, took \d+ s$/,
      /→ Running \d\d:\d\d$/,
    ])
    await expect(card.getByRole('progressbar')).toHaveCount(0)
  })

  test('warns when loading runs unusually long', async ({ page, request }) => {
    const sim = await Sim.create(request, { instances: 2 })
    const rows = await rawInstances(request, sim.key)
    const loading = rows.find((r) => r.actual_status === 'loading')
    expect(loading).toBeDefined()
    await page.clock.install()
    await signIn(page, sim.key)
    await page.goto('/?tab=instances')
    const card = page.getByRole('article', { name: new RegExp(`^Instance ${loading?.id ?? 0}`) })
    await expect(card).toContainText('Loading image…')
    await expect(card).not.toContainText('longer than usual')
    await page.clock.fastForward('11:00')
    await expect(card).toContainText(/Loading for 1\d min( \d+ s)?, longer than usual/)
  })

  test('running instances link their open ports; labels edit inline; reboot is confirmed', async ({
    page,
    request,
  }) => {
    const sim = await Sim.create(request, { instances: 1 })
    const [row] = await rawInstances(request, sim.key)
    const id = row?.id ?? 0
    await signIn(page, sim.key)
    await page.goto('/?tab=instances')
    const card = page.getByRole('article', { name: new RegExp(`^Instance ${id}`) })
    await expect(card).toContainText('Running')
    await expect(card.getByRole('link', { name: 'Port 8080' })).toHaveAttribute(
      'href',
      /^http:\/\/\d+\.\d+\.\d+\.\d+:\d+\/$/,
    )

    await card.getByRole('button', { name: `Edit label of instance ${id}` }).click()
    await card.getByLabel('Label').fill('x'.repeat(1025))
    await expect(card.getByRole('button', { name: 'Save label' })).toBeDisabled()
    await card.getByLabel('Label').fill('renamed-box')
    await card.getByRole('button', { name: 'Save label' }).click()
    await expect(page.getByRole('article', { name: `Instance ${id} · renamed-box` })).toBeVisible()
    const puts = await sim.requests({ method: 'PUT', path: new RegExp(`/instances/${id}/$`) })
    expect(puts.map((r) => r.body)).toEqual([{ label: 'renamed-box' }])

    await card.getByRole('button', { name: 'Reboot' }).click()
    await page
      .getByRole('dialog', { name: `Reboot instance ${id}?` })
      .getByRole('button', { name: 'Reboot' })
      .click()
    await expect(card).toContainText('Rebooting')
    expect(await sim.requests({ method: 'PUT', path: /\/reboot\// })).toHaveLength(1)
  })
})
