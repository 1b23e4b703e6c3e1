import * as z from 'zod/mini'
import { type SimInstance } from './lifecycle'
import { intBetween, mulberry32, type Rng } from './rng'
import { generateOffers, type Offer } from './offer-seed'
import { seedInstances } from './instance-seeds'
import { type Switches } from './switches'

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
  | 'bid-price'
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
  'bid-price': { minIntervalMs: 5_500 },
  bundles: { window: { count: 10, windowMs: 60_000 } },
  'ssh-key-create': { minIntervalMs: 1_000 },
  'templates-search': { minIntervalMs: 3_000 },
}

// ─── worlds ───────────────────────────────────────────────────────────────────────────────────

export const worldOptionsSchema = z.object({
  key: z.optional(z.string().check(z.minLength(8), z.maxLength(200))),
  offers: z.optional(z.int().check(z.gte(0), z.lte(20_000))),
  seed: z.optional(z.int()),
  clock: z.optional(z.enum(['manual', 'real'])),
  credit: z.optional(z.number()),
  instances: z.optional(z.int().check(z.gte(0), z.lte(2_000))),
  rateLimits: z.optional(z.boolean()),
  now: z.optional(z.number()),
  /** Amplitude (0–0.5) of the daily price wave (price-wave.ts); 0 keeps prices fixed. */
  priceWave: z.optional(z.number().check(z.gte(0), z.lte(0.5))),
  /** Share (0–1) of machines that boot slowly (slow-boots.ts); 0: none. */
  slowBoots: z.optional(z.number().check(z.gte(0), z.lte(1))),
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
  /** Amplitude of the daily price wave (price-wave.ts); 0: prices stay fixed. */
  readonly priceWave: number
  /** Share of machines that boot slowly (slow-boots.ts); 0: none. */
  readonly slowBoots: number
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

export const worlds = new Map<string, World>()
export const anonymousHits = new Map<RateLimitKey, number[]>()
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
    priceWave: options.priceWave ?? 0,
    slowBoots: options.slowBoots ?? 0,
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
      logs: 'ok',
      leakyFilters: [],
      reliability2: 'same',
      accountFields: 'both',
      refuse: [],
      slowBoot: { offers: [], machines: [] },
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
