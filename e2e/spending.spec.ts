import { readFile } from 'node:fs/promises'
import type { APIRequestContext } from '@playwright/test'
import { SIM_PORT } from '../playwright.config'
import { expect, expectNoAxeViolations, signIn, Sim, test } from './fixtures'

const SIM = `http://127.0.0.1:${SIM_PORT}`

const usd = (v: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(v)

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null
    ? Object.fromEntries(Object.entries(value))
    : {}
}

/** This month's charges as the API sends them, every page. */
async function rawMonth(request: APIRequestContext, key: string): Promise<number[]> {
  const now = new Date()
  const gte = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) / 1000
  const lte = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) / 1000 + 86_399
  const res = await request.get(`${SIM}/api/v0/charges/`, {
    params: { select_filters: JSON.stringify({ day: { gte, lte } }), limit: 500 },
    headers: { authorization: `Bearer ${key}` },
  })
  expect(res.ok()).toBe(true)
  const body = record(await res.json())
  expect(body.next_token).toBeNull()
  const rows: unknown[] = Array.isArray(body.results) ? body.results : []
  return rows.map((r) => Number(record(r).amount))
}

async function rawInstances(request: APIRequestContext, key: string) {
  const res = await request.get(`${SIM}/api/v1/instances/?limit=25`, {
    headers: { authorization: `Bearer ${key}` },
  })
  const list: unknown = record(await res.json()).instances
  return (Array.isArray(list) ? list : []).map(record)
}

test.describe('Spending: cost ledger and budgets', () => {
  test('a month of history: the total equals the sum of the rows, and the CSV has one line per row', async ({
    page,
    request,
  }) => {
    // The test reads the API beside the app: no pacing between the two.
    const sim = await Sim.create(request, { instances: 6, rateLimits: false })
    await signIn(page, sim.key)
    await page.goto('/?tab=spending')
    await expect(page.getByRole('heading', { name: 'Spending', level: 1 })).toBeVisible()
    const totals = page.getByRole('region', { name: 'Totals' })
    await expect(totals).toContainText('rows')

    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export CSV' }).click()
    const file = await (await downloading).path()
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'start_utc,end_utc,type,source,instance_id,label,template_id,description,gpu_usd,storage_usd,upload_usd,download_usd,other_usd,amount_usd',
    )
    const rows = lines.slice(1)
    expect(rows.length).toBeGreaterThan(20)
    const sum = rows.reduce((s, line) => s + Number(line.split(',').at(-1)), 0)
    // The figure is the sum of the rows, and the rows are all the app fetched.
    await expect(totals.getByRole('definition').first()).toHaveText(usd(sum))
    await expect(totals).toContainText(`${rows.length} rows`)
    // The same money as the API's own answer for the month (the app fetches past days and today
    // apart, so a contract running into today is two rows there; each is rounded to 3 decimals).
    const api = await rawMonth(request, sim.key)
    expect(api.reduce((s, a) => s + a, 0)).toBeCloseTo(sum, 1)

    // Drill-down: a label's rows only.
    await page.getByRole('button', { name: /^Show rows for inference,/ }).click()
    await expect(page.getByRole('table', { name: /^Charges for inference:/ })).toBeVisible()

    await expectNoAxeViolations(page)
  })

  test('a label budget over 100% with auto-stop stops exactly that label’s running instances, once', async ({
    page,
    request,
  }) => {
    // The test starts an instance beside the app: no pacing between the two.
    const sim = await Sim.create(request, { instances: 6, rateLimits: false })
    const before = await rawInstances(request, sim.key)
    const inference = before.filter((i) => i.label === 'inference').map((i) => Number(i.id))
    expect(inference).toHaveLength(1)
    await signIn(page, sim.key)
    await page.goto('/?tab=spending')
    const budgets = page.getByRole('region', { name: 'Budgets' })
    await expect(budgets).toContainText('kept in this browser only')
    await budgets.getByRole('textbox', { name: 'Label' }).fill('inference')
    await budgets.getByLabel('Per month (USD)').fill('0.5')
    await budgets.getByRole('button', { name: 'Add budget' }).click()
    await expect(budgets).toContainText('over budget')
    await expect(page.getByRole('banner').getByRole('status')).toContainText('Label inference')

    await budgets.getByRole('button', { name: 'Stop inference instances at 100%…' }).click()
    const dialog = page.getByRole('dialog', { name: "Stop this label's instances at 100%?" })
    const turnOn = dialog.getByRole('button', { name: 'Turn on auto-stop' })
    await expect(turnOn).toBeDisabled()
    await dialog.getByLabel('Type inference to turn this on').fill('inference')
    await turnOn.click()

    await expect(budgets).toContainText(`stopped instance ${inference[0]}`)
    const stops = async () =>
      (await sim.requests({ method: 'PUT', path: /^\/api\/v0\/instances\/\d+\/$/ }))
        .map((r) => ({
          path: r.path,
          body: r.body,
        }))
        .filter((r) => record(r.body).state === 'stopped')
    expect(await stops()).toEqual([
      { path: `/api/v0/instances/${inference[0]}/`, body: { state: 'stopped' } },
    ])

    // Started again by hand: a reload reads the budgets and lists the instances again, sees the
    // label running and over budget, and still does not act twice this month.
    const start = await request.put(`${SIM}/api/v0/instances/${inference[0]}/`, {
      data: { state: 'running' },
      headers: { authorization: `Bearer ${sim.key}` },
    })
    expect(start.status(), await start.text()).toBe(200)
    const listsBefore = (await sim.requests({ method: 'GET', path: /^\/api\/v1\/instances\/$/ }))
      .length
    await page.reload()
    await expect(page.getByRole('banner').getByRole('status')).toContainText('over budget')
    await expect
      .poll(
        async () =>
          (await sim.requests({ method: 'GET', path: /^\/api\/v1\/instances\/$/ })).length,
      )
      .toBeGreaterThan(listsBefore)
    expect(await stops()).toHaveLength(1)
  })
})
