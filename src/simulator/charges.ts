/**
 * Charges (`GET /api/v0/charges/`) and payments (`GET /api/v1/invoices/`) over the world's billing
 * history (charge-history.ts). Shapes follow show_charges.yaml and show_invoices.yaml; paging at
 * 500 with after_token/next_token.
 */
import type { HttpHandler } from 'msw'
import * as z from 'zod/mini'
import { chargeRow, contractsOf, paymentsOf } from './charge-history'
import { worldNow, type World } from './model'
import { fail, json, ok, type Json, type Row, type SimResponse } from './responses'

export const CHARGES_PAGE_MAX = 500
export const CHARGES_PAGE_DEFAULT = 100
export const INVOICES_PAGE_DEFAULT = 60
/** show_charges.yaml `x-rate-limit`: threshold 1.0 (per key here, as the other endpoints). */
export const CHARGES_MIN_INTERVAL_MS = 1_000

const lastHit = new WeakMap<World, Map<string, number>>()

const rangeSchema = z.object({
  gte: z.optional(z.number()),
  gt: z.optional(z.number()),
  lte: z.optional(z.number()),
  lt: z.optional(z.number()),
})
const chargeFiltersSchema = z.object({
  day: z.optional(rangeSchema),
  type: z.optional(z.object({ in: z.optional(z.array(z.string())) })),
})
const invoiceFiltersSchema = z.object({ when: z.optional(rangeSchema) })
const tokenSchema = z.object({ o: z.int().check(z.gte(0)), f: z.string() })

function readFilters<T>(schema: z.ZodMiniType<T>, raw: string | null): T | null {
  if (raw === null) return null
  try {
    const parsed = z.safeParse(schema, JSON.parse(raw))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

const encodeToken = (offset: number, filters: string) =>
  btoa(JSON.stringify({ o: offset, f: filters }))

function decodeToken(token: string, filters: string): number | null {
  try {
    const parsed = z.safeParse(tokenSchema, JSON.parse(atob(token)))
    return parsed.success && parsed.data.f === filters ? parsed.data.o : null
  } catch {
    return null
  }
}

/** A page of `rows` after `after_token`, in the charges/invoices envelope. */
function page(params: URLSearchParams, rows: Json[], defaultLimit: number): SimResponse {
  const filters = params.get('select_filters') ?? ''
  const rawLimit = Number(params.get('limit') ?? defaultLimit)
  const limit =
    Number.isInteger(rawLimit) && rawLimit > 0 ? Math.min(rawLimit, CHARGES_PAGE_MAX) : defaultLimit
  const token = params.get('after_token')
  const offset = token === null ? 0 : decodeToken(token, filters)
  if (offset === null) return fail(400, 'invalid_token', 'Invalid pagination token')
  const results = rows.slice(offset, offset + limit)
  const next = offset + limit < rows.length ? encodeToken(offset + limit, filters) : null
  return ok({ success: true, count: results.length, total: rows.length, next_token: next, results })
}

/** 429 in the shape show_charges.yaml documents, when the key calls faster than 1 a second. */
function limited(world: World, route: string): SimResponse | null {
  if (!world.switches.rateLimits) return null
  const hits = lastHit.get(world) ?? new Map<string, number>()
  lastHit.set(world, hits)
  const now = Date.now()
  const last = hits.get(route)
  if (last !== undefined && now - last < CHARGES_MIN_INTERVAL_MS) {
    world.rateLimited += 1
    return json(429, { detail: 'API requests too frequent endpoint threshold=1.0' })
  }
  hits.set(route, now)
  return null
}

const latestFirst = (params: URLSearchParams) => params.get('latest_first') !== 'false'

/** `GET /api/v0/charges/`: needs `day` gte and lte (400 otherwise, in Vast's error shape). */
export function listCharges(world: World, params: URLSearchParams): SimResponse {
  const filters = readFilters(chargeFiltersSchema, params.get('select_filters'))
  const day = filters?.day
  const gte = day?.gte ?? day?.gt
  const lte = day?.lte ?? day?.lt
  if (gte === undefined || lte === undefined)
    return json(400, {
      success: false,
      msg: "Must provide both 'day' gte and lte filters for instance charges",
    })
  const types = filters?.type?.in
  if (types && !types.includes('instance')) return page(params, [], CHARGES_PAGE_DEFAULT)
  const from = gte * 1000
  const to = Math.min((lte + 1) * 1000, worldNow(world))
  const rows = contractsOf(world)
    .map((c) => chargeRow(c, from, to))
    .filter((row): row is Row => row !== null)
  const startOf = (row: Row) => (typeof row.start === 'number' ? row.start : 0)
  rows.sort((a, b) => (latestFirst(params) ? startOf(b) - startOf(a) : startOf(a) - startOf(b)))
  return page(params, rows, CHARGES_PAGE_DEFAULT)
}

/** `GET /api/v1/invoices/`: a missing `when` range is a 200 with `success: false` (the docs). */
export function listInvoices(world: World, params: URLSearchParams): SimResponse {
  const filters = readFilters(invoiceFiltersSchema, params.get('select_filters'))
  const when = filters?.when
  const gte = when?.gte ?? when?.gt
  const lte = when?.lte ?? when?.lt
  if (gte === undefined || lte === undefined)
    return ok({ success: false, msg: "Must provide both 'when' gte and lte filters" })
  const rows = paymentsOf(world).filter((row) => {
    const at = typeof row.start === 'number' ? row.start : 0
    return at >= gte && at <= lte
  })
  if (!latestFirst(params)) rows.reverse()
  return page(params, rows, INVOICES_PAGE_DEFAULT)
}

type RouteBuilder = (
  method: 'get',
  pattern: string,
  spec: { auth: 'required' },
  resolve: (ctx: { world: World; url: URL }) => SimResponse,
) => HttpHandler

export function chargeRoutes(route: RouteBuilder): HttpHandler[] {
  return [
    route(
      'get',
      '/api/v0/charges/',
      { auth: 'required' },
      ({ world, url }) => limited(world, 'charges') ?? listCharges(world, url.searchParams),
    ),
    route(
      'get',
      '/api/v1/invoices/',
      { auth: 'required' },
      ({ world, url }) => limited(world, 'invoices') ?? listInvoices(world, url.searchParams),
    ),
  ]
}
