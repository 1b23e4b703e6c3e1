/**
 * `GET /api/v0/charges/` (per-contract charges; Vast docs `show_charges.yaml`): the app has no
 * charges call of its own yet, so the live check reads the first page with this small schema.
 * `select_filters` must carry a `day` range (unix seconds, both `gte` and `lte`), else 400.
 */
import * as z from 'zod/mini'
import { apiRequest } from '../client'
import { numeric, optNumber, optString, parseRows } from '../parse'

export const chargeRowSchema = z.looseObject({
  start: optNumber,
  end: optNumber,
  /** `instance` or `volume` (table format). */
  type: optString,
  /** `{type}-{id}`, e.g. `instance-12345678`. */
  source: optString,
  description: optString,
  /** Dollars for this contract in the range, rounded to 3 decimals. */
  amount: numeric,
  metadata: z.optional(z.unknown()),
  items: z.optional(z.unknown()),
})

export const chargesPageSchema = z.object({
  results: z.array(z.unknown()),
  next_token: z.catch(z.nullish(z.string()), null),
  count: optNumber,
  total: optNumber,
})

export const DAY_SECONDS = 86_400

/** The query for the charges of the day before `nowMs`. */
export function lastDayQuery(nowMs: number): Record<string, string | number> {
  const lte = Math.floor(nowMs / 1000)
  return { select_filters: JSON.stringify({ day: { gte: lte - DAY_SECONDS, lte } }), limit: 100 }
}

/**
 * The first page of the last day's charges. Paced on the account route: Vast's threshold for
 * charges (1.0 s) is the same as the account's, and the check makes one call of each.
 */
export async function lastDayCharges(nowMs: number, signal?: AbortSignal) {
  const page = await apiRequest({
    route: 'account',
    method: 'GET',
    path: '/api/v0/charges/',
    query: lastDayQuery(nowMs),
    schema: chargesPageSchema,
    signal,
  })
  return parseRows(chargeRowSchema, page.results)
}
