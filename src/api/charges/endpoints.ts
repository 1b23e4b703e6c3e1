/**
 * Charges over a day range (`GET /api/v0/charges/`), page by page through the pacer. The `day`
 * filter is required (400 without it); pages hold up to 500 rows (show_charges.yaml; the CLI
 * asks for at most 100) and follow `next_token` → `after_token`.
 */
import { toCharge, type Charge } from '../../domain/spending/ledger'
import { dayFilter, type DayRange } from '../../domain/spending/range'
import { parseRows } from '../parse'
import { fetchTokenPages } from '../token-pages'
import { chargeItemSchema, chargeRowSchema, type ChargeRow } from './schemas'

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
  const got = await fetchTokenPages({
    route: 'charges',
    path: '/api/v0/charges/',
    query: { select_filters: JSON.stringify({ day: dayFilter(range) }), limit: CHARGES_PAGE_LIMIT },
    row: chargeRowSchema,
    maxPages: MAX_CHARGE_PAGES,
    ...options,
  })
  return {
    charges: got.rows.map((row) => chargeFromRow(row, range)),
    dropped: got.dropped,
    pages: got.pages,
    truncated: got.truncated,
  }
}
