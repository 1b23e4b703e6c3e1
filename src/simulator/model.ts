/**
 * The in-memory Vast marketplace: one world per API key, each with its own seeded offers,
 * instances, credit, clock, switches, rate-limit buckets and request log. Framework-free: the
 * MSW handlers (handlers.ts) translate HTTP to these calls and SimResponses back to HTTP.
 */
import * as z from 'zod/mini'
import {
  costBetween,
  instanceRow,
  phaseAt,
  type SimInstance,
  type Template,
  type Transition,
} from './lifecycle'
import {
  driverNumber,
  generateOffers,
  gpuNames,
  hashString,
  hex,
  intBetween,
  mulberry32,
  priceFields,
  pricedRow,
  round,
  withWireQuirks,
  type Offer,
  type OfferType,
  type Rng,
} from './offer-seed'
import { mapOperands, matchesOps, sortCompare, toOps, type Ops } from './query-ops'
import { findTemplate, mergeEnv } from './templates'
import {
  AUTH_ERROR_BODY,
  badGateway,
  dropped,
  fail,
  isRecord,
  json,
  ok,
  tooFrequent,
  type Json,
  type Row,
  type SimResponse,
} from './responses'

export const TEST_KEY = 'sim-test-key-0001'
export const DEMO_KEY = 'demo-key-not-a-real-key'

export const DEFAULT_OFFERS = 150
export const DEFAULT_SEED = 20_260_829
export const DEFAULT_CREDIT = 25
/** GB used to price offers when a search sends no `allocated_storage` (DOCS: 8). */
export const DEFAULT_ALLOCATED_STORAGE = 8
/** Rows returned when a search sends no `limit` (the real default is undocumented). */
export const DEFAULT_SEARCH_LIMIT = 64
export const V1_PAGE_MAX = 25
/** Instance ids count up from about here. */
export const FIRST_INSTANCE_ID = 27_400_000
const LOG_CAP = 5_000

// ─── rate limits ──────────────────────────────────────────────────────────────────────────────

export type RateLimitKey =
  | 'users-current'
  | 'instances-list'
  | 'instance-get'
  | 'instance-put'
  | 'instance-delete'
  | 'instance-reboot'
  | 'asks'
  | 'bundles'
  | 'ssh-key-create'
  | 'templates-search'

export interface RateLimit {
  /** Minimum ms between two accepted calls. */
  minIntervalMs?: number
  /** At most `count` accepted calls in any sliding `windowMs`. */
  window?: { count: number; windowMs: number }
}

/** Per key and endpoint, from reference §2.6. Measured on the real-time request clock. */
export const RATE_LIMITS: Record<RateLimitKey, RateLimit> = {
  'users-current': { minIntervalMs: 1_000 },
  'instances-list': { minIntervalMs: 1_000 },
  'instance-get': { minIntervalMs: 2_000 },
  'instance-put': { minIntervalMs: 1_000 },
  'instance-delete': { minIntervalMs: 3_000 },
  'instance-reboot': { minIntervalMs: 1_000 },
  asks: { minIntervalMs: 4_500 },
  bundles: { window: { count: 10, windowMs: 60_000 } },
  'ssh-key-create': { minIntervalMs: 1_000 },
  'templates-search': { minIntervalMs: 3_000 },
}

// ─── worlds ───────────────────────────────────────────────────────────────────────────────────

/** How long `rent: 'timeout'` holds its answer: past the app's 60 s write timeout. */
export const RENT_TIMEOUT_DELAY_MS = 90_000

export interface Switches {
  /** `dropped`: the rent happens, then the connection drops before the answer (ambiguous). */
  rent: 'ok' | 'offer_gone' | 'server_error_html' | 'dropped' | 'timeout'
  bundles: 'ok' | 'malformed_rows' | 'html_502' | 'rate_limited'
  /** The v1 instance list. `malformed_rows`: see `breakInstanceRows`. */
  instances: 'ok' | 'html_502' | 'malformed_rows'
  auth: 'ok' | 'revoked'
  /** Added before every answer to this key. */
  latencyMs: number
  rateLimits: boolean
  /** The next N calls with this key answer a plain-text 429, whatever their pace. */
  burst429: number
  /** Vast unreachable for this key: every call's connection drops (the gateway answers 502). */
  down: boolean
}

/** Validates switches sent over HTTP (serve.ts `POST /__sim/worlds/:key/simulate`). */
export const switchesSchema = z.object({
  rent: z.optional(z.enum(['ok', 'offer_gone', 'server_error_html', 'dropped', 'timeout'])),
  bundles: z.optional(z.enum(['ok', 'malformed_rows', 'html_502', 'rate_limited'])),
  instances: z.optional(z.enum(['ok', 'html_502', 'malformed_rows'])),
  auth: z.optional(z.enum(['ok', 'revoked'])),
  latencyMs: z.optional(z.number().check(z.gte(0), z.lte(60_000))),
  rateLimits: z.optional(z.boolean()),
  burst429: z.optional(z.int().check(z.gte(0), z.lte(1_000))),
  down: z.optional(z.boolean()),
})

export const worldOptionsSchema = z.object({
  key: z.optional(z.string().check(z.minLength(8), z.maxLength(200))),
  offers: z.optional(z.int().check(z.gte(0), z.lte(20_000))),
  seed: z.optional(z.int()),
  clock: z.optional(z.enum(['manual', 'real'])),
  credit: z.optional(z.number()),
  instances: z.optional(z.int().check(z.gte(0), z.lte(2_000))),
  rateLimits: z.optional(z.boolean()),
  now: z.optional(z.number()),
})
export type WorldOptions = z.infer<typeof worldOptionsSchema>

export interface LoggedRequest {
  method: string
  path: string
  /** Query parameters (an `api_key` parameter is redacted). */
  query: Record<string, string>
  /** The parsed JSON body, the raw text if it was not JSON, or undefined. */
  body: unknown
  /** World-clock ms. */
  at: number
}

export interface World {
  readonly key: string
  /** 1 for the first world since the last reset: numbers the account (`user-1@example.com`). */
  readonly seq: number
  readonly clock: 'manual' | 'real'
  /** A manual clock starts here (ms). */
  readonly startedAt: number
  /** Total `advance()`d ms (applies to both clocks). */
  advancedMs: number
  /** Every offer of this market, by id; those in `taken` are not listed. */
  readonly offers: Map<number, Offer>
  readonly taken: Set<number>
  readonly instances: Map<number, SimInstance>
  nextInstanceId: number
  readonly initialCredit: number
  /** Dollars billed since the world was created. */
  spent: number
  switches: Switches
  readonly log: LoggedRequest[]
  /** 429s answered to this key (pacing misses and `burst429`), for tests and the soak. */
  rateLimited: number
  /** Accepted request times (request clock) per rate-limited endpoint. */
  readonly hits: Map<RateLimitKey, number[]>
  /** Runtime randomness (ids, ports, tokens), separate from the offer seed. */
  readonly rng: Rng
}

const worlds = new Map<string, World>()
const anonymousHits = new Map<RateLimitKey, number[]>()
let worldSeq = 0

function randomKey(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16))
  return `sim-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}

/** Registers a world (replacing any world with the same key) and returns it. */
export function createWorld(options: WorldOptions = {}): World {
  const seed = options.seed ?? DEFAULT_SEED
  const offerCount = Math.max(0, options.offers ?? DEFAULT_OFFERS)
  const instanceCount = Math.max(0, options.instances ?? 0)
  const startedAt = options.now ?? Date.now()
  const rng = mulberry32(seed ^ 0x5eed5eed)
  worldSeq += 1
  // Pre-seeded instances sit on extra offers generated after the market's own, so the listed
  // market is the same for a seed whatever the instance count.
  const offers = generateOffers(seed, offerCount + instanceCount, startedAt)
  const world: World = {
    key: options.key ?? randomKey(),
    seq: worldSeq,
    clock: options.clock ?? 'manual',
    startedAt,
    advancedMs: 0,
    offers: new Map(offers.map((offer) => [offer.id, offer])),
    taken: new Set(),
    instances: new Map(),
    // Vast's instance ids are global: each world gets its own block, so two accounts never
    // share an id (up to 10,000 instances a world).
    nextInstanceId: FIRST_INSTANCE_ID + (worldSeq - 1) * 10_000 + intBetween(rng, 1, 900),
    initialCredit: options.credit ?? DEFAULT_CREDIT,
    spent: 0,
    switches: {
      rent: 'ok',
      bundles: 'ok',
      instances: 'ok',
      auth: 'ok',
      latencyMs: 0,
      rateLimits: options.rateLimits ?? true,
      burst429: 0,
      down: false,
    },
    log: [],
    rateLimited: 0,
    hits: new Map(),
    rng,
  }
  seedInstances(world, offers.slice(offerCount))
  worlds.set(world.key, world)
  return world
}

export const getWorld = (key: string): World | undefined => worlds.get(key)

/**
 * A container's own key (`instance_api_key`, CONTAINER_API_KEY inside the box): the world and the
 * one instance it may act on (reference §4.3, §7.4), or null.
 */
export function containerKey(key: string): { world: World; instanceId: number } | null {
  for (const world of worlds.values()) {
    for (const inst of world.instances.values()) {
      if (inst.apiKey === key) return { world, instanceId: inst.id }
    }
  }
  return null
}

export const deleteWorld = (key: string): boolean => worlds.delete(key)

/** Drops every world, then re-creates the default test world (key TEST_KEY). */
export function resetSimulator(): void {
  worlds.clear()
  anonymousHits.clear()
  worldSeq = 0
  createWorld({ key: TEST_KEY })
}

/** The world anonymous offer searches see: the default test world. */
export const marketWorld = (): World => getWorld(TEST_KEY) ?? createWorld({ key: TEST_KEY })

/** Model time in ms: a manual clock moves only through `advance`; a real one follows Date.now(). */
export const worldNow = (world: World): number =>
  (world.clock === 'real' ? Date.now() : world.startedAt) + world.advancedMs

export function advance(world: World, ms: number): void {
  if (!Number.isFinite(ms) || ms < 0)
    throw new RangeError(`advance: ms must be a finite number ≥ 0, got ${ms}`)
  world.advancedMs += ms
}

export function simulate(world: World, switches: Partial<Switches>): void {
  world.switches = { ...world.switches, ...switches }
}

export const requestLog = (world: World): readonly LoggedRequest[] => [...world.log]

export function logRequest(world: World, entry: Omit<LoggedRequest, 'at'>): void {
  world.log.push({ ...entry, at: worldNow(world) })
  if (world.log.length > LOG_CAP) world.log.splice(0, world.log.length - LOG_CAP)
}

// ─── auth and rate limits ─────────────────────────────────────────────────────────────────────

export type AuthResult = { ok: true; world: World | null } | { ok: false; response: SimResponse }

/**
 * A missing key gets 401 where one is required; a key that is not a registered world (or one
 * revoked by a switch) gets 404 auth_error, as Vast answers a wrong key.
 */
export function authenticate(key: string | null, need: 'required' | 'optional'): AuthResult {
  if (key === null || key.trim() === '') {
    return need === 'optional'
      ? { ok: true, world: null }
      : { ok: false, response: json(401, { ...AUTH_ERROR_BODY }) }
  }
  const world = worlds.get(key.trim())
  if (!world || world.switches.auth === 'revoked')
    return { ok: false, response: json(404, { ...AUTH_ERROR_BODY }) }
  return { ok: true, world }
}

function rateLimited(endpoint: RateLimitKey): SimResponse {
  const limit = RATE_LIMITS[endpoint]
  const threshold =
    limit.minIntervalMs ?? (limit.window ? limit.window.windowMs / limit.window.count : 1000)
  if (endpoint === 'instance-delete') {
    return json(429, {
      success: false,
      error: 'rate_limit_exceeded',
      msg: `API requests too frequent endpoint threshold=${(threshold / 1000).toFixed(1)}`,
    })
  }
  return tooFrequent(threshold / 1000)
}

/** Null when the call may proceed (and is counted); a 429 otherwise. Anonymous calls share one bucket. */
export function checkRateLimit(world: World | null, endpoint: RateLimitKey): SimResponse | null {
  if (world && world.switches.burst429 > 0) {
    world.switches = { ...world.switches, burst429: world.switches.burst429 - 1 }
    world.rateLimited += 1
    return tooFrequent(1)
  }
  const limited = overLimit(world, endpoint)
  if (limited && world) world.rateLimited += 1
  return limited
}

function overLimit(world: World | null, endpoint: RateLimitKey): SimResponse | null {
  if (world && world.switches.bundles === 'rate_limited' && endpoint === 'bundles')
    return rateLimited(endpoint)
  if (world && !world.switches.rateLimits) return null
  const hits = world ? world.hits : anonymousHits
  const limit = RATE_LIMITS[endpoint]
  const now = Date.now()
  const times = hits.get(endpoint) ?? []
  if (limit.window) {
    const recent = times.filter((t) => t > now - (limit.window?.windowMs ?? 0))
    hits.set(endpoint, recent)
    if (recent.length >= limit.window.count) return rateLimited(endpoint)
    recent.push(now)
    return null
  }
  const last = times.at(-1)
  if (last !== undefined && now - last < (limit.minIntervalMs ?? 0)) return rateLimited(endpoint)
  hits.set(endpoint, [now])
  return null
}

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
const numberOr = <T>(value: unknown, fallback: T): number | T =>
  typeof value === 'number'
    ? value
    : typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))
      ? Number(value)
      : fallback
const countryOf = (geo: Json | undefined) =>
  typeof geo === 'string' ? (geo.split(',').at(-1) ?? '').trim().toUpperCase() : null

/** Reads one field of a row (or of an offer priced for the query, without building its row). */
type Get = (field: string) => Json | undefined
type RowTest = (get: Get) => boolean
const getter =
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

const INTEGER = /^\s*-?\d+\s*$/

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

const idOf = (row: Row) => (typeof row.id === 'number' ? row.id : 0)
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
  const parsed = parseSearch(body, (field) => Object.hasOwn(sampleFields, field))
  if ('response' in parsed) return parsed.response
  const { query } = parsed
  const pricing = {
    type: query.type,
    allocatedStorage: query.allocatedStorage,
    nowMs: worldNow(world),
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
  const rows = matches
    .slice(0, query.limit)
    .map(({ offer, prices }, i) =>
      withWireQuirks(offer, { ...pricedRow(offer, pricing, prices), rn: i + 1 }),
    )
  return ok({ offers: world.switches.bundles === 'malformed_rows' ? breakRows(rows) : rows })
}

export const gpuNamesResponse = (): SimResponse => ok({ gpu_names: gpuNames() })

// ─── renting ──────────────────────────────────────────────────────────────────────────────────

const rentBodySchema = z.object({
  image: z.optional(z.nullable(z.string())),
  template_hash_id: z.optional(z.nullable(z.string())),
  disk: z.optional(z.nullable(z.union([z.number(), z.string()]))),
  label: z.optional(z.nullable(z.string())),
  price: z.optional(z.unknown()),
  env: z.optional(
    z.nullable(
      z.union([z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])), z.string()]),
    ),
  ),
  onstart: z.optional(z.nullable(z.string())),
  runtype: z.optional(z.nullable(z.string())),
})

const invalidArgs = (detail: string) =>
  fail(400, 'invalid_args', `error 400/3467: Invalid args: ${detail}`)

/** A public template or one of the account's own, by hash (templates.ts); null for any other. */
const templateFor = (hashId: string, world: World) =>
  findTemplate(hashId, accountIdOf(world)) ?? null

/** `@vastai-automatic-tag` resolves to a tag that suits the machine's CUDA version. */
function resolveImage(image: string, cuda: Json | undefined): string {
  if (!image.includes('@vastai-automatic-tag')) return image
  const c = typeof cuda === 'number' ? cuda : 0
  const tag =
    c >= 12.8
      ? 'cuda-12.8.1-auto'
      : c >= 12.4
        ? 'cuda-12.4.1-auto'
        : c >= 12.1
          ? 'cuda-12.1.1-auto'
          : c > 0
            ? 'cuda-11.8.0-auto'
            : 'rocm-6.2-auto'
  return image.replace(/:?@vastai-automatic-tag/, `:${tag}`)
}

/** "ssh_direc ssh_proxy" comes back as "ssh ssh_direc ssh_proxy" (the base mode first). */
function imageRuntype(runtype: string): string {
  const tokens = runtype.trim().split(/\s+/).filter(Boolean)
  const base = tokens.some((t) => t.startsWith('jupyter'))
    ? 'jupyter'
    : tokens.some((t) => t.startsWith('ssh'))
      ? 'ssh'
      : 'args'
  return [base, ...tokens.filter((t) => t !== base)].join(' ')
}

/** `env` as Vast stores it: [key, value] pairs. A docker-flag string ("-e A=1 -p 80:80") is split. */
function envPairs(
  env: Record<string, string | number | boolean> | string | null | undefined,
): [string, string][] {
  if (!env) return []
  if (typeof env !== 'string') return Object.entries(env).map(([k, v]) => [k, String(v)])
  const pairs: [string, string][] = []
  for (const m of env.matchAll(/(-[epvn])\s+(\S+)/g)) {
    const [flag, value] = [m[1] ?? '', m[2] ?? '']
    if (flag === '-e') {
      const [k = '', ...rest] = value.split('=')
      pairs.push([k, rest.join('=')])
    } else pairs.push([`${flag} ${value}`, '1'])
  }
  return pairs
}

/** Container ports the instance publishes, mapped into its host port range. */
function planPorts(runtype: string, env: [string, string][], start: number): [string, string][] {
  const keys: string[] = []
  if (/ssh|jupyter/.test(runtype)) keys.push('22/tcp')
  if (/jupyter/.test(runtype)) keys.push('8080/tcp')
  for (const [key] of env) {
    const m = /^-p\s+(?:[\d.]+:)?(?:\d+:)?(\d+)(\/(?:tcp|udp))?$/.exec(key.trim())
    if (m?.[1]) keys.push(`${m[1]}${m[2] ?? '/tcp'}`)
  }
  const used = new Set<number>()
  return [...new Set(keys)].slice(0, 64).map((key) => {
    let port = start + (Number.parseInt(key, 10) % 100)
    while (used.has(port)) port = port + 1 > start + 99 ? start : port + 1
    used.add(port)
    return [key, String(port)]
  })
}

interface Launch {
  image: string
  runtype: string
  label: string | null
  env: [string, string][]
  onstart: string | null
  disk: number
  /** Bid in $/hr (interruptible); null for on-demand. */
  price: number | null
  template: Template | null
}

function launch(
  world: World,
  offer: Offer,
  spec: Launch,
  createdAt: number,
  transition: Transition,
): SimInstance {
  const rng = world.rng
  const bid = spec.price !== null
  const offerRow = pricedRow(offer, {
    type: bid ? 'bid' : 'on-demand',
    allocatedStorage: spec.disk,
    nowMs: createdAt,
  })
  const directPortStart = offer.directPorts > 0 ? 20_000 + intBetween(rng, 0, 400) * 100 : null
  const directMode = /direc/.test(spec.runtype) || spec.runtype.trim() === 'args'
  const sshIdx = intBetween(rng, 1, 9)
  const instance: SimInstance = {
    id: (world.nextInstanceId += intBetween(rng, 1, 40)),
    offerId: offer.id,
    offerRow,
    createdAt,
    transition,
    label: spec.label,
    image: resolveImage(spec.image, offerRow.cuda_max_good),
    imageRuntype: imageRuntype(spec.runtype),
    env: spec.env,
    onstart: spec.onstart,
    disk: spec.disk,
    gpuHour: spec.price ?? offer.dphBase,
    storageHour: (spec.disk * offer.storageCost) / 720,
    isBid: bid,
    ssh: {
      host: `ssh${sshIdx}.vast.ai`,
      idx: String(sshIdx),
      port: intBetween(rng, 10_000, 39_999),
    },
    directPortStart: directMode ? directPortStart : null,
    portMap:
      directMode && directPortStart !== null
        ? planPorts(spec.runtype, spec.env, directPortStart)
        : [],
    jupyterToken: hex(rng, 64),
    apiKey: hex(rng, 64),
    template: spec.template,
    localIps: `10.${intBetween(rng, 0, 20)}.${intBetween(rng, 0, 255)}.${intBetween(rng, 2, 254)} 172.17.0.1 \n`,
    billedUntil: worldNow(world),
  }
  world.taken.add(offer.id)
  world.instances.set(instance.id, instance)
  return instance
}

/** `PUT /api/v0/asks/{id}/`: validates like Vast, then creates the instance. Credit is billed over time, not up front. */
export function rent(world: World, offerId: number | string, body: unknown): SimResponse {
  const idText = String(offerId)
  if (!/^\d+$/.test(idText)) return invalidArgs("'id' is required and must be a valid offer ID")
  const id = Number(idText)
  const parsed = z.safeParse(rentBodySchema, body ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return invalidArgs(`'${issue?.path.join('.') ?? 'body'}': ${issue?.message ?? 'invalid'}`)
  }
  const input = parsed.data
  const template = input.template_hash_id ? templateFor(input.template_hash_id, world) : null
  // A stale hash (it changes on every edit) fails rather than launching something else.
  if (input.template_hash_id && !template)
    return invalidArgs(`'template_hash_id': no template ${input.template_hash_id} for this account`)
  const image = input.image?.trim() || template?.image
  if (!image) return invalidArgs("'image' is required unless template_hash_id is given")
  if (image.length > 1024) return invalidArgs("'image' must be at most 1024 characters")
  const disk =
    input.disk === undefined || input.disk === null
      ? DEFAULT_ALLOCATED_STORAGE
      : numberOr(input.disk, null)
  if (typeof disk !== 'number' || !Number.isFinite(disk) || disk < 8)
    return invalidArgs("'disk' must be a number of GB, at least 8")
  if ((input.label ?? '').length > 256) return invalidArgs("'label' must be at most 256 characters")
  if ((input.onstart ?? '').length > 4096)
    return invalidArgs("'onstart' must be at most 4096 characters")
  let price: number | null = null
  if (input.price !== undefined && input.price !== null) {
    const p = input.price
    if (typeof p !== 'number' || !(p >= 0.001 && p <= 128)) {
      return fail(
        400,
        'invalid_price',
        'error 400/3468: Invalid price: the bid must be a number between 0.001 and 128 $/hr.',
      )
    }
    price = p
  }
  const offer = world.offers.get(id)
  const gone = () =>
    fail(
      404,
      'invalid_args',
      `error 404/3603: no_such_ask Instance type by id ${id} is not available.`,
    )
  if (!offer || world.taken.has(id) || offer.fields.rentable === false) return gone()
  if (world.switches.rent === 'offer_gone') {
    world.taken.add(id) // someone else was faster: the offer leaves the market
    return gone()
  }
  settle(world)
  const now = worldNow(world)
  const instance = launch(
    world,
    offer,
    {
      image,
      runtype: input.runtype ?? template?.runtype ?? 'ssh',
      label: input.label?.trim() ? input.label : null,
      env: mergeEnv(envPairs(template?.env), envPairs(input.env)),
      onstart: input.onstart ?? template?.onstart ?? null,
      disk,
      price,
      template,
    },
    now,
    { kind: 'create', at: now },
  )
  // The rent went through, but the answer was lost behind the gateway: an ambiguous failure.
  if (world.switches.rent === 'server_error_html') return badGateway()
  if (world.switches.rent === 'dropped') return dropped()
  // The rent happens, but the answer comes only after every caller has given up.
  if (world.switches.rent === 'timeout')
    return {
      status: 200,
      kind: 'json',
      body: { success: true, new_contract: instance.id, instance_api_key: instance.apiKey },
      delayMs: RENT_TIMEOUT_DELAY_MS,
    }
  return ok({ success: true, new_contract: instance.id, instance_api_key: instance.apiKey })
}

// ─── pre-seeded instances ─────────────────────────────────────────────────────────────────────

const H = 3_600_000
// prettier-ignore
const SEEDED: (Omit<Launch, 'price' | 'template'> & { state: 'running' | 'loading' | 'provisioning' | 'stopped' | 'failed'; ageMs: number; template?: string })[] = [
  { state: 'running', ageMs: 4 * H, label: 'train-llama-ft', image: 'pytorch/pytorch:2.4.0-cuda12.4-cudnn9-runtime', runtype: 'ssh_direc ssh_proxy', env: [['TZ', 'UTC'], ['-p 8080:8080', '1']], onstart: "env >> /etc/environment; echo 'starting up'", disk: 40 },
  { state: 'loading', ageMs: 13_000, label: 'train-llama-ft', image: 'vllm/vllm-openai:latest', runtype: 'ssh_direc ssh_proxy', env: [['MODEL_ID', 'deepseek-ai/DeepSeek-R1-Distill-Llama-8B'], ['-p 8000:8000', '1']], onstart: 'vllm serve $MODEL_ID --port 8000', disk: 50 },
  { state: 'provisioning', ageMs: 1_000, label: null, image: 'vllm/vllm-openai:latest', runtype: 'ssh', env: [], onstart: null, disk: 100, template: '4e17788f74f075dd9aab7d0d4427968f' },
  { state: 'stopped', ageMs: 7 * 24 * H, label: 'notebook-old', image: 'vastai/base-image:cuda-12.4.1-auto', runtype: 'ssh_direc ssh_proxy', env: [['TZ', 'UTC']], onstart: null, disk: 40 },
  { state: 'failed', ageMs: 50 * 60_000, label: 'bad-image-test', image: 'example/broken-image:latest', runtype: 'args', env: [], onstart: null, disk: 20 },
  { state: 'running', ageMs: 26 * H, label: 'inference', image: 'vastai/base-image:cuda-12.4.1-auto', runtype: 'jupyter_proxy ssh_proxy', env: [], onstart: null, disk: 32 },
]

/** Instances in the states of samples/instances-v1-page.json, cycling for larger counts. */
function seedInstances(world: World, offers: Offer[]): void {
  const now = worldNow(world)
  const pool = [...offers]
  offers.forEach((_, i) => {
    const spec = SEEDED[i % SEEDED.length] ?? SEEDED[0]
    if (!spec) return
    const wantDirect = /direc/.test(spec.runtype)
    const index = Math.max(
      0,
      pool.findIndex((o) => !wantDirect || o.directPorts > 0),
    )
    const [offer] = pool.splice(index, 1)
    if (!offer) return
    const createdAt = now - spec.ageMs
    const transition: Transition =
      spec.state === 'stopped'
        ? { kind: 'stop', at: now - 2 * 24 * H, from: 'running' }
        : spec.state === 'failed'
          ? { kind: 'fail', at: createdAt }
          : { kind: 'create', at: createdAt }
    const cycle = Math.floor(i / SEEDED.length)
    launch(
      world,
      offer,
      {
        ...spec,
        label: spec.label && cycle > 0 ? `${spec.label}-${cycle}` : spec.label,
        price: null,
        template: spec.template ? templateFor(spec.template, world) : null,
      },
      createdAt,
      transition,
    )
  })
}

// ─── billing ──────────────────────────────────────────────────────────────────────────────────

/** Books every instance's charges up to now: GPU while running, storage always (reference §6.1). */
function settle(world: World): void {
  const now = worldNow(world)
  for (const inst of world.instances.values()) {
    if (now > inst.billedUntil) {
      world.spent += costBetween(inst.transition, inst.billedUntil, now, {
        gpuHour: inst.gpuHour,
        storageHour: inst.storageHour,
      })
      inst.billedUntil = now
    }
  }
}

/** The balance now: initial credit minus everything billed so far. */
export function creditOf(world: World): number {
  settle(world)
  return round(world.initialCredit - world.spent, 6)
}

// ─── instances ────────────────────────────────────────────────────────────────────────────────

/** Columns the v1 list can filter on (stored on the contract); computed ones answer 400. */
// prettier-ignore
const INSTANCE_FILTER_FIELDS = new Set([
  'id', 'actual_status', 'intended_status', 'cur_state', 'next_state', 'status_msg', 'label', 'gpu_name',
  'verification', 'machine_id', 'host_id', 'image_uuid', 'image_runtype', 'template_id', 'template_hash_id',
  'template_name', 'is_bid', 'ssh_host', 'public_ipaddr', 'disk_space', 'start_date', 'end_date', 'geolocation',
])

const tokenSchema = z.object({ v: z.literal(1), after: z.int() })

const encodeToken = (after: number) => btoa(JSON.stringify({ v: 1, after }))

function decodeToken(token: string): number | null {
  try {
    const parsed = z.safeParse(tokenSchema, JSON.parse(atob(token)))
    return parsed.success ? parsed.data.after : null
  } catch {
    return null
  }
}

function jsonParam(
  params: URLSearchParams,
  name: string,
): { value: unknown } | { response: SimResponse } {
  const raw = params.get(name)
  if (raw === null) return { value: undefined }
  try {
    return { value: JSON.parse(raw) }
  } catch {
    return {
      response: fail(
        400,
        'invalid_request',
        `Error in query parameters: ${name} is not valid JSON`,
      ),
    }
  }
}

const invalidRequest = (msg: string) =>
  fail(400, 'invalid_request', `Error in query parameters: ${msg}`)

/**
 * Rows an `instances: 'malformed_rows'` switch breaks (shape drift): the first row of a page gets
 * a status word this app has never seen, the second loses its id (unreadable).
 */
function breakInstanceRows(rows: Row[]): Row[] {
  return rows.map((row, i) => {
    if (i === 0) return { ...row, actual_status: 'hibernating', cur_state: 'hibernating' }
    if (i === 1) return Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'id'))
    return row
  })
}

/** `GET /api/v1/instances/`: keyset pages of at most 25, `select_filters`, `select_cols`, `order_by` on id. */
export function listInstancesPage(world: World, params: URLSearchParams): SimResponse {
  if (world.switches.instances === 'html_502') return badGateway()
  const limitRaw = params.get('limit')
  if (limitRaw !== null && !INTEGER.test(limitRaw))
    return invalidRequest('limit must be an integer')
  const requested = limitRaw === null ? V1_PAGE_MAX : Number(limitRaw)
  const limit = requested <= 0 ? 5 : Math.min(requested, V1_PAGE_MAX)

  const filters = jsonParam(params, 'select_filters')
  const cols = jsonParam(params, 'select_cols')
  const orderBy = jsonParam(params, 'order_by')
  if ('response' in filters) return filters.response
  if ('response' in cols) return cols.response
  if ('response' in orderBy) return orderBy.response

  const tests: RowTest[] = []
  if (filters.value !== undefined) {
    if (!isRecord(filters.value)) return invalidRequest('select_filters must be an object')
    for (const [field, ops] of Object.entries(filters.value)) {
      if (!INSTANCE_FILTER_FIELDS.has(field))
        return invalidRequest(`${field} is not a valid search key`)
      const o: Ops = toOps(ops)
      tests.push((get) => matchesOps(get(field), o))
    }
  }
  let dir: 'asc' | 'desc' = 'asc'
  if (orderBy.value !== undefined) {
    for (const item of Array.isArray(orderBy.value) ? orderBy.value : [orderBy.value]) {
      if (!isRecord(item) || item.col !== 'id') {
        return invalidRequest(
          `${isRecord(item) ? String(item.col) : 'order_by'} is not a valid order column`,
        )
      }
      dir = item.dir === 'desc' ? 'desc' : 'asc'
    }
  }
  const token = params.get('after_token')
  const after = token === null || token === '' ? null : decodeToken(token)
  if (token && after === null) return fail(400, 'invalid_token', 'Invalid after_token.')

  const now = worldNow(world)
  const all = [...world.instances.values()]
    .map((inst) => instanceRow(inst, now))
    .filter((row) => tests.every((test) => test(getter(row))))
    .sort((a, b) => (dir === 'asc' ? idOf(a) - idOf(b) : idOf(b) - idOf(a)))
  const rest =
    after === null
      ? all
      : all.filter((row) => (dir === 'asc' ? idOf(row) > after : idOf(row) < after))
  const page = rest.slice(0, limit)
  const last = page.at(-1)
  const labelCounts: Record<string, number> = {}
  for (const row of all) {
    const label = typeof row.label === 'string' ? row.label : ''
    labelCounts[label] = (labelCounts[label] ?? 0) + 1
  }
  const selected =
    Array.isArray(cols.value) && !cols.value.includes('*')
      ? cols.value.filter((c) => typeof c === 'string')
      : null
  return ok({
    success: true,
    instances_found: page.length,
    total_instances: all.length,
    label_counts: labelCounts,
    next_token: rest.length > limit && last ? encodeToken(idOf(last)) : null,
    instances: selected
      ? page.map((row) => Object.fromEntries(selected.map((c) => [c, row[c] ?? null])))
      : world.switches.instances === 'malformed_rows'
        ? breakInstanceRows(page)
        : page,
  })
}

export const deprecatedInstanceList = (): SimResponse =>
  fail(
    410,
    'deprecated_endpoint',
    '/api/v0/instances/ is deprecated. Use /api/v1/instances/ instead.',
  )

function instanceId(raw: string): number | null {
  return /^\d+$/.test(raw) ? Number(raw) : null
}

/** `GET /api/v0/instances/{id}/`: `{"instances": {...}}`, or `{"instances": null}` when unknown. */
export function showInstance(world: World, rawId: string): SimResponse {
  const id = instanceId(rawId)
  if (id === null) return fail(400, 'invalid_args', 'invalid instance_id')
  const inst = world.instances.get(id)
  return ok({ instances: inst ? instanceRow(inst, worldNow(world)) : null })
}

const manageBodySchema = z.object({
  state: z.optional(z.string()),
  label: z.optional(z.nullable(z.string())),
})

/** `PUT /api/v0/instances/{id}/` with `{state: "running"|"stopped"}` and/or `{label}`. */
export function manageInstance(world: World, rawId: string, body: unknown): SimResponse {
  const id = instanceId(rawId)
  if (id === null) return fail(400, 'invalid_args', 'invalid instance_id')
  const parsed = z.safeParse(manageBodySchema, body ?? {})
  if (!parsed.success)
    return invalidArgs('expected {state: "running"|"stopped"} or {label: string}')
  const { state, label } = parsed.data
  if (state === undefined && label === undefined)
    return invalidArgs('expected {state: "running"|"stopped"} or {label: string}')
  if (state !== undefined && state !== 'running' && state !== 'stopped')
    return invalidArgs(`unknown state '${state}'`)
  if (label && label.length > 1024)
    return fail(400, 'label_too_long', 'Label must be at most 1024 characters.')
  const inst = world.instances.get(id)
  if (!inst)
    return fail(
      404,
      'no_such_instance',
      `error 404/3604: no_such_instance Instance ${id} not found.`,
    )
  settle(world)
  const now = worldNow(world)
  if (label !== undefined) inst.label = label?.trim() ? label : null
  const intended = inst.transition.kind === 'stop' ? 'stopped' : 'running'
  if (state === 'stopped' && intended !== 'stopped') {
    inst.transition = { kind: 'stop', at: now, from: phaseAt(inst.transition, now).phase }
  } else if (state === 'running' && intended !== 'running') {
    inst.transition = { kind: 'start', at: now }
  }
  return ok({ success: true })
}

/**
 * `PUT /api/v0/instances/reboot/{id}/`: docker stop/start in place, keeping the GPU; the status
 * reads `rebooting`, then `running`. A box that is not running answers 400 (the simulator's
 * choice: the real answer for a stopped box is undocumented).
 */
export function rebootInstance(world: World, rawId: string): SimResponse {
  const id = instanceId(rawId)
  if (id === null) return fail(400, 'invalid_args', 'invalid instance_id')
  const inst = world.instances.get(id)
  if (!inst)
    return fail(
      404,
      'no_such_instance',
      `error 404/3604: no_such_instance Instance ${id} not found.`,
    )
  settle(world)
  const now = worldNow(world)
  if (phaseAt(inst.transition, now).phase !== 'running')
    return invalidArgs('instance is not running; only a running instance can be rebooted')
  inst.transition = { kind: 'reboot', at: now }
  return ok({ success: true })
}

/** `DELETE /api/v0/instances/{id}/`: ends all billing; the machine's offer returns to the market. */
export function destroyInstance(world: World, rawId: string): SimResponse {
  const id = instanceId(rawId)
  if (id === null) return fail(400, 'invalid_args', 'invalid instance_id')
  const inst = world.instances.get(id)
  if (!inst) return fail(404, 'not_found', `error 404/3710: Instance ${id} not found.`)
  settle(world)
  world.instances.delete(id)
  world.taken.delete(inst.offerId)
  return ok({ success: true })
}

// ─── account ──────────────────────────────────────────────────────────────────────────────────

/** The account id `/users/current/` reports: templates' `creator_id` for the account's own. */
export function accountIdOf(world: World): number {
  return 1_183_000 + world.seq
}

/** The account's e-mail, as users/current reports it. */
export const emailOf = (world: World): string => `user-${world.seq}@example.com`

/** `GET /api/v0/users/current/`: the sample's shape, per world. Echoes the key as `api_key`, like Vast. */
export function currentUser(world: World): SimResponse {
  const n = world.seq
  const credit = creditOf(world)
  return ok({
    id: accountIdOf(world),
    key_id: 402_000 + n,
    created_at: 1699123456.0,
    username: `user-${n}`,
    email: emailOf(world),
    email_verified: true,
    fullname: `Sim User ${n}`,
    user: `user-${n}`,
    api_key: world.key,
    sid: hashString(world.key).toString(16).padStart(12, '0'),
    credit,
    balance: 0.0,
    total_spend: round(world.spent, 6),
    balance_referrals: 0.0,
    balance_threshold: 10.0,
    balance_threshold_enabled: true,
    autobill_threshold: null,
    autobill_amount: null,
    can_pay: true,
    has_billing: true,
    has_payout: false,
    payout_enabled: false,
    host_only: false,
    host_agreement_accepted: false,
    has_rented: world.instances.size > 0 || world.spent > 0,
    got_signup_credit: 1,
    billing_creditonly: 0,
    last4: '4242',
    paypal_email: null,
    wise_email: null,
    phone_number: null,
    billaddress_line1: null,
    billaddress_line2: null,
    billaddress_city: null,
    billaddress_zip: null,
    billaddress_country: 'US',
    billaddress_taxinfo: null,
    paid_verified: 0.0,
    paid_expected: 0.0,
    billed_verified: round(world.spent, 6),
    billed_expected: round(world.spent, 6),
    password_resettable: true,
    discord_id: null,
    oauth_provider: null,
    ssh_key: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAISim${hashString(world.key).toString(36)} user-${n}@sim`,
    rights: null,
  })
}

// The default test world exists from the start (and again after every reset).
resetSimulator()
