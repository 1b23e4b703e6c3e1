import { priceFields, pricedRow, withWireQuirks, type OfferType } from './offer-pricing'
import { gpuNames } from './gpu-catalogue'
import { driverNumber, type Offer } from './offer-seed'
import { priceFactor } from './price-wave'
import { mapOperands, matchesOps, sortCompare, toOps } from './query-ops'
import {
  badGateway,
  fail,
  isRecord,
  json,
  ok,
  type Json,
  type Row,
  type SimResponse,
} from './responses'
import { DEFAULT_ALLOCATED_STORAGE, DEFAULT_SEARCH_LIMIT, type World, worldNow } from './world'

// ─── offer search ─────────────────────────────────────────────────────────────────────────────

/** Top-level query keys that are not filters. */
const QUERY_KEYS = new Set([
  'order',
  'type',
  'limit',
  'allocated_storage',
  'disable_bundling',
  'select_cols',
  'chunked',
  'georegion',
  'q',
])

/** Server-side and CLI aliases (reference §3.2). */
const FIELD_ALIASES: Record<string, string> = {
  reliability2: 'reliability',
  dphtotal: 'dph_total',
  dph: 'dph_total',
  gpu_totalram: 'gpu_total_ram',
  dlperf_usd: 'dlperf_per_dphtotal',
  flops_usd: 'flops_per_dphtotal',
  cuda_vers: 'cuda_max_good',
  display_active: 'gpu_display_active',
  ubuntu_version: 'os_version',
  target_reliability: 'expected_reliability',
}
const GB_FIELDS: Record<string, string> = {
  gpu_ram_GB: 'gpu_ram',
  gpu_totalram_GB: 'gpu_total_ram',
  cpu_ram_GB: 'cpu_ram',
}

const fieldName = (name: string) => FIELD_ALIASES[name] ?? GB_FIELDS[name] ?? name
export const numberOr = <T>(value: unknown, fallback: T): number | T =>
  typeof value === 'number'
    ? value
    : typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))
      ? Number(value)
      : fallback
const countryOf = (geo: Json | undefined) =>
  typeof geo === 'string' ? (geo.split(',').at(-1) ?? '').trim().toUpperCase() : null

/** Reads one field of a row (or of an offer priced for the query, without building its row). */
type Get = (field: string) => Json | undefined
export type RowTest = (get: Get) => boolean
export const getter =
  (row: Row): Get =>
  (field) =>
    row[field]

/** One filter as a predicate; fields the market does not have are ignored. */
function filterFor(field: string, raw: unknown, known: (field: string) => boolean): RowTest {
  const ops = toOps(raw)
  switch (field) {
    case 'verified':
      return (get) => matchesOps(get('verification') === 'verified', ops)
    case 'datacenter':
      return (get) => matchesOps(get('hosting_type') === 1, ops)
    case 'geolocation': {
      const upper = mapOperands(ops, (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v))
      const whole = Object.values(upper)
        .flat()
        .some((v) => typeof v === 'string' && v.length > 2)
      return (get) => {
        const geo = get('geolocation')
        return matchesOps(
          whole && typeof geo === 'string' ? geo.toUpperCase() : countryOf(geo),
          upper,
        )
      }
    }
    case 'driver_version': {
      const numeric = mapOperands(ops, (v) =>
        typeof v === 'string' && v.includes('.') ? driverNumber(v) : v,
      )
      return (get) => matchesOps(get('driver_vers'), numeric)
    }
  }
  const target = fieldName(field)
  if (!known(target)) return () => true
  const scaled = field in GB_FIELDS ? mapOperands(ops, (v) => numberOr(v, Number.NaN) * 1000) : ops
  return (get) => matchesOps(get(target), scaled)
}

interface SearchQuery {
  tests: RowTest[]
  order: [string, 'asc' | 'desc'][]
  type: OfferType
  limit: number
  allocatedStorage: number
}

export const INTEGER = /^\s*-?\d+\s*$/

function parseSearch(
  body: unknown,
  known: (field: string) => boolean,
): { query: SearchQuery } | { response: SimResponse } {
  if (!isRecord(body))
    return {
      response: fail(
        400,
        'invalid_args',
        'error 400/1782: Invalid args: query must be a JSON object',
      ),
    }
  let limit = DEFAULT_SEARCH_LIMIT
  if (body.limit !== undefined && body.limit !== null) {
    const l = body.limit
    const valid =
      (typeof l === 'number' && Number.isInteger(l)) || (typeof l === 'string' && INTEGER.test(l))
    if (!valid) return { response: json(400, { msg: 'limit: Input should be a valid integer' }) }
    limit = Math.max(0, Number(l))
  }
  const storage = body.allocated_storage ?? DEFAULT_ALLOCATED_STORAGE
  const allocatedStorage = numberOr(storage, null)
  if (typeof allocatedStorage !== 'number' || allocatedStorage < 0) {
    return { response: json(400, { msg: 'allocated_storage: Input should be a valid number' }) }
  }
  const type: OfferType =
    body.type === 'bid' || body.type === 'interruptible'
      ? 'bid'
      : body.type === 'reserved'
        ? 'reserved'
        : 'on-demand'
  const order: [string, 'asc' | 'desc'][] = []
  if (Array.isArray(body.order)) {
    for (const item of body.order) {
      if (Array.isArray(item) && typeof item[0] === 'string')
        order.push([fieldName(item[0]), item[1] === 'desc' ? 'desc' : 'asc'])
    }
  }
  const tests: RowTest[] = [(get) => num(get('disk_space')) >= allocatedStorage]
  for (const [field, ops] of Object.entries(body))
    if (!QUERY_KEYS.has(field)) tests.push(filterFor(field, ops, known))
  return {
    query: {
      tests,
      order: order.length > 0 ? order : [['score', 'desc']],
      type,
      limit,
      allocatedStorage,
    },
  }
}

export const idOf = (row: Row) => (typeof row.id === 'number' ? row.id : 0)
const num = (value: Json | undefined) => (typeof value === 'number' ? value : Number.NaN)

/** Rows a malformed_rows switch breaks: a bad price, a missing id, a null GPU name. */
function breakRows(rows: Row[]): Row[] {
  return rows.map((row, i) => {
    if (i === 1) return { ...row, dph_total: 'abc' }
    if (i === 3) return Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'id'))
    if (i === 5) return { ...row, gpu_name: null }
    return row
  })
}

/** `POST /api/v0/bundles/` (or `GET ?q=`): the query object in, `{offers: [...]}` out. */
export function searchOffers(world: World, body: unknown): SimResponse {
  if (world.switches.bundles === 'html_502') return badGateway()
  const sample = world.offers.values().next().value
  const sampleFields = sample
    ? {
        ...sample.fields,
        ...priceFields(sample, { type: 'on-demand', allocatedStorage: 8, nowMs: 0 }),
      }
    : {}
  const leaky = new Set(world.switches.leakyFilters)
  const applied =
    leaky.size > 0 && isRecord(body)
      ? Object.fromEntries(Object.entries(body).filter(([field]) => !leaky.has(field)))
      : body
  const parsed = parseSearch(applied, (field) => Object.hasOwn(sampleFields, field))
  if ('response' in parsed) return parsed.response
  const { query } = parsed
  const pricing = {
    type: query.type,
    allocatedStorage: query.allocatedStorage,
    nowMs: worldNow(world),
    factor: priceFactor(world),
  }
  const matches: { offer: Offer; prices: Row; get: Get }[] = []
  for (const offer of world.offers.values()) {
    if (world.taken.has(offer.id)) continue
    const prices = priceFields(offer, pricing)
    const get: Get = (field) => (Object.hasOwn(prices, field) ? prices[field] : offer.fields[field])
    if (query.tests.every((test) => test(get))) matches.push({ offer, prices, get })
  }
  matches.sort((a, b) => {
    for (const [field, dir] of query.order) {
      const c = sortCompare(a.get(field), b.get(field), dir)
      if (c !== 0) return c
    }
    return a.offer.id - b.offer.id
  })
  const differs = world.switches.reliability2 === 'differs'
  const rows = matches.slice(0, query.limit).map(({ offer, prices }, i) => {
    const row = withWireQuirks(offer, { ...pricedRow(offer, pricing, prices), rn: i + 1 })
    if (differs && typeof row.reliability === 'number')
      row.reliability2 = Math.min(0.999, Math.round((row.reliability + 0.065) * 1e4) / 1e4)
    return row
  })
  return ok({ offers: world.switches.bundles === 'malformed_rows' ? breakRows(rows) : rows })
}

export const gpuNamesResponse = (): SimResponse => ok({ gpu_names: gpuNames() })
