import type { APIRequestContext } from '@playwright/test'
import { SIM_PORT } from '../playwright.config'
import {
  expect,
  expectNoAxeViolations,
  openRentDialog,
  rentFirstOffer,
  signIn,
  Sim,
  test,
} from './fixtures'

const SIM = `http://127.0.0.1:${SIM_PORT}`

interface Row {
  id: number
  label: string | null
  actual_status: string | null
  intended_status: string
  dph_total: number
  storage_total_cost: number
}

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && 'id' in value && 'dph_total' in value
}

/** The world's instances as the API sends them (read straight from the simulator). */
async function rawInstances(request: APIRequestContext, key: string): Promise<Row[]> {
  const res = await request.get(`${SIM}/api/v1/instances/?limit=25`, {
    headers: { authorization: `Bearer ${key}` },
  })
  expect(res.ok()).toBe(true)
  const body: unknown = await res.json()
  const list: unknown[] =
    typeof body === 'object' &&
    body !== null &&
    'instances' in body &&
    Array.isArray(body.instances)
      ? body.instances
      : []
  return list.filter(isRow)
}

/** A string field of a logged JSON body ('' when absent). */
function stringField(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return ''
  const value: unknown = Object.entries(body).find(([k]) => k === name)?.[1]
  return typeof value === 'string' ? value : ''
}

const usd = (v: number, digits = 3) =>
  new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(v)

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
    await expect(page.getByRole('article').first()).toContainText(/Cost so far \(approx\.\)≈ \$/)

    const billing = page.getByRole('region', { name: /^Still billing/ })
    await expect(billing).toContainText(
      `Still billing: 1 stopped instance, ${usd((stopped?.storage_total_cost ?? 0) * 24)}/day`,
    )
    await expectNoAxeViolations(page)

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
    const timeline = card.getByRole('list', { name: 'Phase timeline' })
    await expect(timeline).toContainText('Loading image…')
    await expect(timeline.getByRole('listitem').first()).toContainText(/^Created \d\d:\d\d, took/)
    await sim.advance(30_000)
    await expect(card).toContainText('Running')
    await expect(timeline.getByRole('listitem')).toHaveText([
      /^Created \d\d:\d\d, took \d+ s$/,
      /^→ Loading image…, took \d+ s$/,
      /^→ Running, \d+ s so far$/,
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

test.describe('Auto-stop and spend guards', () => {
  test('a rental with "Stop after 2 hours" carries the snippet; the card counts down and Extend moves the deadline', async ({
    page,
    sim,
  }) => {
    await signIn(page, sim.key)
    await page.goto('/')
    const dialog = await openRentDialog(page)
    await dialog.getByLabel('Auto-stop').selectOption('stop')
    await dialog.getByLabel('Hours').fill('2')
    await dialog.getByRole('button', { name: 'Rent', exact: true }).click()

    const [rental] = await sim.requests({ method: 'PUT', path: /^\/api\/v0\/asks\/\d+\/$/ })
    const onstart = stringField(rental?.body, 'onstart')
    expect(onstart).toMatch(/^# vast-console auto-stop v2 \(rules \d+\.s\.0\.0\)\n/)
    expect(onstart).not.toContain(sim.key)

    const card = page.getByRole('article', { name: /^Instance \d+/ })
    await expect(card).toContainText(/Auto-stop in 1 h 59 min/)
    await card.getByRole('button', { name: 'Extend 1 h' }).click()
    await expect(card).toContainText(/Auto-stop in 2 h 59 min/)
    const labelPuts = await sim.requests({ method: 'PUT', path: /^\/api\/v0\/instances\/\d+\/$/ })
    expect(labelPuts).toHaveLength(1)
    expect(stringField(labelPuts[0]?.body, 'label')).toMatch(/^autostop@\d+$/)
    await expect(card.getByRole('heading')).toHaveText(/^Instance \d+$/)
  })

  test('a rental above the $/hr cap needs RENT typed before it is sent', async ({ page, sim }) => {
    await signIn(page, sim.key)
    await page.goto('/?tab=instances')
    await page.getByText('Spend guards').click()
    await page.getByLabel('Max $/hr per rental').fill('0.01')
    await page.getByRole('button', { name: 'Save guards' }).click()
    await page.getByRole('tab', { name: 'Offers' }).click()
    const dialog = await openRentDialog(page)
    const guard = dialog.getByRole('region', { name: 'Spend guard' })
    await expect(guard).toContainText(/above your cap of \$0\.010\/hr/)
    const rent = dialog.getByRole('button', { name: 'Rent', exact: true })
    await expect(rent).toBeDisabled()
    await guard.getByLabel('Type RENT to rent anyway').fill('rent')
    await expect(rent).toBeDisabled()
    expect(await sim.requests({ method: 'PUT', path: /\/asks\// })).toHaveLength(0)
    await guard.getByLabel('Type RENT to rent anyway').fill('RENT')
    await rent.click()
    await expect(page.getByRole('article', { name: /^Instance \d+/ })).toHaveCount(1)
    expect(await sim.requests({ method: 'PUT', path: /\/asks\// })).toHaveLength(1)
  })
})

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
    await dialog.getByLabel('Tail').selectOption('100')
    await dialog.getByRole('button', { name: 'Fetch logs' }).click()
    const log = dialog.getByLabel('Log text')
    await expect(log).toContainText('[app] INFO step')
    await expect(dialog.getByRole('status')).toHaveText('100 of 100 lines')
    const [asked] = await sim.requests({ method: 'PUT', path: /request_logs/ })
    expect(asked?.path).toBe(`/api/v0/instances/request_logs/${id}/`)
    expect(asked?.body).toEqual({ tail: '100' })

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
