/**
 * Payments (`GET /api/v1/invoices/`), newest first. The `when` range is required; without it Vast
 * answers 200 with `success: false` (show_invoices.yaml), which the client reports as an error.
 */
import type * as z from 'zod/mini'
import { balanceEffect, type Payment } from '../../domain/spending/payments'
import { dayFilter, type DayRange } from '../../domain/spending/range'
import { apiRequest } from '../client'
import { parseRows } from '../schemas'
import { invoiceRowSchema, invoicesPageSchema, type InvoiceRow } from './schemas'

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
  const payments: Payment[] = []
  let token: string | null = null
  for (let page = 1; page <= MAX_INVOICE_PAGES; page += 1) {
    const query: Record<string, string | number> = {
      select_filters: JSON.stringify({ when: dayFilter(range) }),
      limit: INVOICES_PAGE_LIMIT,
    }
    if (token) query.after_token = token
    const result: z.infer<typeof invoicesPageSchema> = await apiRequest({
      route: 'invoices',
      method: 'GET',
      path: '/api/v1/invoices/',
      query,
      schema: invoicesPageSchema,
      signal,
    })
    const rows = parseRows(invoiceRowSchema, result.results ?? []).rows
    rows.forEach((row) => payments.push(paymentFromRow(row, payments.length)))
    token = result.next_token ?? null
    if (!token || rows.length === 0) break
  }
  return payments
}
