import { expect, expectNoAxeViolations, signIn, Sim, SIM, test, rawInstances } from './fixtures'

test.describe('Logs', () => {
  test('request_logs → result_url through the app server → a filterable log with copy and download', async ({
    page,
    request,
  }) => {
    const sim = await Sim.create(request, { instances: 1 })
    const [row] = await rawInstances(request, sim.key)
    const id = row?.id ?? 0
    await signIn(page, sim.key)
    await page.goto('/?tab=instances')
    const card = page.getByRole('article', { name: new RegExp(`^Instance ${id}`) })
    await card.getByRole('button', { name: 'Logs' }).click()
    const dialog = page.getByRole('dialog', { name: `Logs of instance ${id}` })
    const log = dialog.getByLabel('Log text')
    // Opening fetches at once: the dialog never opens empty.
    await expect(log).toContainText('[app] INFO step')
    await dialog.getByLabel('Tail').selectOption('100')
    await dialog.getByRole('button', { name: 'Fetch again' }).click()
    await expect(dialog.getByRole('status')).toHaveText('100 of 100 lines')
    const asked = await sim.requests({ method: 'PUT', path: /request_logs/ })
    expect(asked.map((r) => [r.path, r.body])).toEqual([
      [`/api/v0/instances/request_logs/${id}/`, { tail: '1000' }],
      [`/api/v0/instances/request_logs/${id}/`, { tail: '100' }],
    ])

    await dialog.getByLabel('Filter lines').fill('warn')
    await expect(dialog.getByRole('status')).toHaveText(/^\d of 100 lines$/)
    await expect(log).not.toContainText('INFO')
    await expect(log).toContainText('WARN')
    await expect(dialog.getByRole('link', { name: 'Download' })).toHaveAttribute(
      'download',
      `instance-${id}.log`,
    )
    await expectNoAxeViolations(page)
  })

  test('the app server fetches only the configured log folder', async ({ request }) => {
    const res = await request.get(`/api/logs/?url=${encodeURIComponent(`${SIM}/__sim/health`)}`)
    expect(res.status()).toBe(400)
  })
})
