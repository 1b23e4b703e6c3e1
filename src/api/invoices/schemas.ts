/**
 * `GET /api/v1/invoices/` (docs: show_invoices.yaml; CLI: `show invoices-v1 --invoices`): payments
 * and transfers. `amount` is in dollars, negative for a credit purchase in Vast's own sign.
 */
import * as z from 'zod/mini'
import { numeric, optNumber, optString, trimmed } from '../parse'

export const invoiceRowSchema = z.looseObject({
  /** Created (unix seconds, a float). */
  start: numeric,
  /** Paid (unix seconds), null while unpaid. */
  end: optNumber,
  /** credit, transfer, payout, refund, reserved. */
  type: z.catch(trimmed, 'credit'),
  source: optString,
  description: optString,
  amount: numeric,
  metadata: z.catch(z.nullish(z.looseObject({ invoice_id: optNumber, service: optString })), null),
})
export type InvoiceRow = z.infer<typeof invoiceRowSchema>
