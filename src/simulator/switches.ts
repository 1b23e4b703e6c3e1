import * as z from 'zod/mini'

// The fault switches each world carries (set with `simulate` or serve.ts
// `POST /__sim/worlds/:key/simulate`): how the answers to that key fail, lag or differ.

/** How long `rent: 'timeout'` holds its answer: past the app's 60 s write timeout. */
export const RENT_TIMEOUT_DELAY_MS = 90_000

export interface Switches {
  /** `dropped`: the rent happens, then the connection drops before the answer (ambiguous). */
  /**
   * `not_found_plain`: a 404 that is not `no_such_ask` (nothing rented). `unschedulable`: the
   * offer cannot start now: 410 no_such_ask with `cancel_unavail`, else a stopped instance.
   */
  rent:
    | 'ok'
    | 'offer_gone'
    | 'not_found_plain'
    | 'unschedulable'
    | 'server_error_html'
    | 'dropped'
    | 'timeout'
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
  /**
   * Filter fields the offer search leaves unapplied, as Vast's search has known filter bugs:
   * rows that break them still come back.
   */
  leakyFilters: string[]
  /** `differs`: offer rows send `reliability2` 6.5 points above `reliability` (capped at 0.999). */
  reliability2: 'same' | 'differs'
  /** `msg_only`: request_logs answers `{success, msg}` without a `result_url` (the CLI prints `msg`). */
  logs: 'ok' | 'msg_only'
  /** Which money fields `/users/current/` sends: Vast's docs list `balance`, their example `credit`. */
  accountFields: 'both' | 'credit' | 'balance'
  /** Routes that answer Vast's documented refusals to this (still valid) key: see access.ts. */
  refuse: Refusal[]
  /** Rentals of these offers, or on these machines, boot slowly (slow-boots.ts). */
  slowBoot: { offers: number[]; machines: number[] }
}

/**
 * A documented refusal to a key that still works: `not_owner` (label), `not_your_offer` (create),
 * `logs_not_authorized` (request_logs), `scope` (a scoped key missing the route's permission),
 * `two_factor` (an endpoint that needs a 2FA session).
 */
export type Refusal =
  'not_owner' | 'not_your_offer' | 'logs_not_authorized' | 'scope' | 'two_factor'
export const REFUSALS = [
  'not_owner',
  'not_your_offer',
  'logs_not_authorized',
  'scope',
  'two_factor',
] as const satisfies readonly Refusal[]

/** Validates switches sent over HTTP (serve.ts `POST /__sim/worlds/:key/simulate`). */
export const switchesSchema = z.object({
  rent: z.optional(
    z.enum([
      'ok',
      'offer_gone',
      'not_found_plain',
      'unschedulable',
      'server_error_html',
      'dropped',
      'timeout',
    ]),
  ),
  bundles: z.optional(z.enum(['ok', 'malformed_rows', 'html_502', 'rate_limited'])),
  instances: z.optional(z.enum(['ok', 'html_502', 'malformed_rows'])),
  auth: z.optional(z.enum(['ok', 'revoked'])),
  latencyMs: z.optional(z.number().check(z.gte(0), z.lte(60_000))),
  rateLimits: z.optional(z.boolean()),
  burst429: z.optional(z.int().check(z.gte(0), z.lte(1_000))),
  down: z.optional(z.boolean()),
  logs: z.optional(z.enum(['ok', 'msg_only'])),
  leakyFilters: z.optional(z.array(z.string().check(z.maxLength(64)))),
  reliability2: z.optional(z.enum(['same', 'differs'])),
  accountFields: z.optional(z.enum(['both', 'credit', 'balance'])),
  refuse: z.optional(z.array(z.enum(REFUSALS))),
  slowBoot: z.optional(
    z.object({
      offers: z._default(z.array(z.int()).check(z.maxLength(1_000)), []),
      machines: z._default(z.array(z.int()).check(z.maxLength(1_000)), []),
    }),
  ),
})
