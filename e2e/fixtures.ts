import {
  test as base,
  expect,
  type APIRequestContext,
  type Locator,
  type Page,
} from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { SIM_PORT } from '../playwright.config'

/** The simulator's own address (for reading a world straight from it). */
export const SIM = `http://127.0.0.1:${SIM_PORT}`

export interface LoggedRequest {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
}

function isLoggedRequest(value: unknown): value is LoggedRequest {
  return typeof value === 'object' && value !== null && 'method' in value && 'path' in value
}

/** A fresh simulated Vast account (its own world) per test, driven over the simulator's control routes. */
export class Sim {
  private readonly request: APIRequestContext
  readonly key: string
  /** The account's e-mail, as the app shows it. */
  readonly email: string

  private constructor(request: APIRequestContext, key: string, email: string) {
    this.request = request
    this.key = key
    this.email = email
  }

  static async create(
    request: APIRequestContext,
    options: Record<string, unknown> = {},
  ): Promise<Sim> {
    const res = await request.post(`${SIM}/__sim/worlds`, { data: { clock: 'manual', ...options } })
    expect(res.ok()).toBe(true)
    const body: unknown = await res.json()
    if (
      typeof body !== 'object' ||
      body === null ||
      !('key' in body) ||
      typeof body.key !== 'string' ||
      !('email' in body) ||
      typeof body.email !== 'string'
    ) {
      throw new Error('the simulator did not return a key and an e-mail')
    }
    return new Sim(request, body.key, body.email)
  }

  async advance(ms: number): Promise<void> {
    const res = await this.request.post(`${SIM}/__sim/worlds/${this.key}/advance`, { data: { ms } })
    expect(res.ok()).toBe(true)
  }

  async simulate(switches: Record<string, unknown>): Promise<void> {
    const res = await this.request.post(`${SIM}/__sim/worlds/${this.key}/simulate`, {
      data: switches,
    })
    expect(res.ok()).toBe(true)
  }

  /** What the API received from the app (Authorization never logged). */
  async requests(filter?: { method?: string; path?: RegExp }): Promise<LoggedRequest[]> {
    const res = await this.request.get(`${SIM}/__sim/worlds/${this.key}/requests`)
    expect(res.ok()).toBe(true)
    const body: unknown = await res.json()
    const list: unknown[] = Array.isArray(body) ? body : []
    return list
      .filter(isLoggedRequest)
      .filter(
        (r) =>
          (!filter?.method || r.method === filter.method) &&
          (!filter?.path || filter.path.test(r.path)),
      )
  }
}

const LAYOUT_KEY = 'vast-console.instances-layout'

/**
 * Seeds the key into localStorage before the app loads, as a returning user has it. The
 * instances are shown as cards (one article each) unless a spec chose the table first with
 * `preferTable`: most journeys follow one instance's card.
 */
export async function signIn(page: Page, key: string): Promise<void> {
  await page.addInitScript((layoutKey) => {
    if (!window.localStorage.getItem(layoutKey)) window.localStorage.setItem(layoutKey, 'cards')
  }, LAYOUT_KEY)
  await page.addInitScript((value) => {
    if (!window.localStorage.getItem('vast-console.api-key')) {
      window.localStorage.setItem(
        'vast-console.api-key',
        JSON.stringify({ v: 1, key: value, mode: 'live' }),
      )
    }
  }, key)
}

/** Shows the instances as cards without signing in (the demo). */
export async function preferCards(page: Page): Promise<void> {
  await page.addInitScript((layoutKey) => {
    if (!window.localStorage.getItem(layoutKey)) window.localStorage.setItem(layoutKey, 'cards')
  }, LAYOUT_KEY)
}

/** Shows the instances as the default compact table (call before `signIn`; a later choice stays). */
export async function preferTable(page: Page): Promise<void> {
  await page.addInitScript((layoutKey) => {
    if (!window.localStorage.getItem(layoutKey)) window.localStorage.setItem(layoutKey, 'table')
  }, LAYOUT_KEY)
}

/** Opens the rent dialog of the first offer in the table and returns the dialog. */
export async function openRentDialog(page: Page): Promise<Locator> {
  await page
    .getByRole('table', { name: 'GPU offers' })
    .getByRole('button', { name: /^Rent/ })
    .first()
    .click()
  return page.getByRole('dialog')
}

/** Rents the first offer with the dialog's defaults; the app then shows the instance cards. */
export async function rentFirstOffer(page: Page): Promise<void> {
  const dialog = await openRentDialog(page)
  await dialog.getByRole('button', { name: 'Rent', exact: true }).click()
}

/** The element is wholly inside the window (the page's viewport), as a user sees it now. */
export async function isInView(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox()
  const size = locator.page().viewportSize()
  if (!box || !size) return false
  return (
    box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height
  )
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([])
}

export const test = base.extend<{ sim: Sim }>({
  sim: async ({ request }, use) => {
    await use(await Sim.create(request))
  },
})

// ─── journeys' shared helpers ─────────────────────────────────────────────────────────────────

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
export async function rawInstances(request: APIRequestContext, key: string): Promise<Row[]> {
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
export function stringField(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return ''
  const value: unknown = Object.entries(body).find(([k]) => k === name)?.[1]
  return typeof value === 'string' ? value : ''
}

export const usd = (v: number, digits = 3) =>
  new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(v)

export async function simStats(request: APIRequestContext, sim: Sim) {
  const res = await request.get(`${SIM}/__sim/worlds/${sim.key}/stats`)
  expect(res.ok()).toBe(true)
  const body: unknown = await res.json()
  if (typeof body !== 'object' || body === null || !('rateLimited' in body))
    throw new Error('no stats')
  return { rateLimited: Number(body.rateLimited) }
}

export const cards = (page: Page) => page.getByRole('article', { name: /^Instance \d+/ })
export const rentButtons = (page: Page) =>
  page.getByRole('table', { name: 'GPU offers' }).getByRole('button', { name: /^Rent/ })

export async function openInstances(page: Page, sim: Sim) {
  await signIn(page, sim.key)
  await page.goto('/?tab=instances')
  await expect(cards(page)).toHaveCount(6)
}

export { expect }
