/**
 * Charges over a day range (`GET /api/v0/charges/`), page by page through the pacer. The `day`
 * filter is required (400 without it); pages hold up to 500 rows (show_charges.yaml; the CLI
 * asks for at most 100) and follow `next_token` → `after_token`.
 */
import type * as z from 'zod/mini'
import { toCharge, type Charge } from '../../domain/spending/ledger'
import { dayFilter, type DayRange } from '../../domain/spending/range'
import { apiRequest } from '../client'
import { parseRows } from '../schemas'
import { chargeItemSchema, chargeRowSchema, chargesPageSchema, type ChargeRow } from './schemas'

export const CHARGES_PAGE_LIMIT = 500
/** 500 × 400 = 200,000 rows: far past any month; a longer answer is reported as cut short. */
export const MAX_CHARGE_PAGES = 400

export interface ChargeLedger {
  charges: Charge[]
  /** Rows that could not be read (dropped, never guessed). */
  dropped: number
  pages: number
  truncated: boolean
}

export function chargeFromRow(row: ChargeRow, range: DayRange): Charge {
  const items = parseRows(chargeItemSchema, row.items ?? []).rows
  const filter = dayFilter(range)
  return toCharge(
    {
      kind: row.type,
      source: row.source ?? null,
      description: row.description ?? null,
      start: row.start ?? null,
      end: row.end ?? null,
      amount: row.amount,
      label: row.metadata?.label ?? null,
      templateId: row.metadata?.template_id ?? null,
      items: items.map((i) => ({ type: i.type, amount: i.amount })),
    },
    { start: filter.gte, end: filter.lte },
  )
}

export async function fetchCharges(
  range: DayRange,
  options: { signal?: AbortSignal; onPage?: (rows: number) => void } = {},
): Promise<ChargeLedger> {
  const charges: Charge[] = []
  let dropped = 0
  let token: string | null = null
  for (let page = 1; page <= MAX_CHARGE_PAGES; page += 1) {
    const query: Record<string, string | number> = {
      select_filters: JSON.stringify({ day: dayFilter(range) }),
      limit: CHARGES_PAGE_LIMIT,
    }
    if (token) query.after_token = token
    const result: z.infer<typeof chargesPageSchema> = await apiRequest({
      route: 'charges',
      method: 'GET',
      path: '/api/v0/charges/',
      query,
      schema: chargesPageSchema,
      signal: options.signal,
    })
    const parsed = parseRows(chargeRowSchema, result.results)
    dropped += parsed.dropped
    for (const row of parsed.rows) charges.push(chargeFromRow(row, range))
    options.onPage?.(charges.length)
    token = result.next_token ?? null
    if (!token || parsed.rows.length + parsed.dropped === 0)
      return { charges, dropped, pages: page, truncated: false }
  }
  return { charges, dropped, pages: MAX_CHARGE_PAGES, truncated: true }
}
