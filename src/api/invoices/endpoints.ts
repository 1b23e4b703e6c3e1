/**
 * Payments (`GET /api/v1/invoices/`), newest first. The `when` range is required; without it Vast
 * answers 200 with `success: false` (show_invoices.yaml), which the client reports as an error.
 */
import { balanceEffect, type Payment } from '../../domain/spending/payments'
import { dayFilter, type DayRange } from '../../domain/spending/range'
import { fetchTokenPages } from '../token-pages'
import { invoiceRowSchema, type InvoiceRow } from './schemas'

export const INVOICES_PAGE_LIMIT = 100
export const MAX_INVOICE_PAGES = 20

export function paymentFromRow(row: InvoiceRow, index: number): Payment {
  return {
    id: String(row.metadata?.invoice_id ?? `${row.start}-${index}`),
    at: row.start,
    paidAt: row.end ?? null,
    type: row.type,
    method: row.source ?? row.metadata?.service ?? '',
    description: row.description ?? '',
    amount: balanceEffect(row.type, row.amount),
  }
}

export async function fetchPayments(range: DayRange, signal?: AbortSignal): Promise<Payment[]> {
  const got = await fetchTokenPages({
    route: 'invoices',
    path: '/api/v1/invoices/',
    query: {
      select_filters: JSON.stringify({ when: dayFilter(range) }),
      limit: INVOICES_PAGE_LIMIT,
    },
    row: invoiceRowSchema,
    maxPages: MAX_INVOICE_PAGES,
    signal,
  })
  return got.rows.map(paymentFromRow)
}
