/** Payments (invoices) and the credit over time they and the charges imply. */
import { spendBetween } from './aggregate'
import type { Charge } from './ledger'
import { DAY_S, dayStart, daysOf, type DayRange } from './range'

export interface Payment {
  id: string
  /** Created, unix seconds. */
  at: number
  paidAt: number | null
  type: string
  /** Stripe, coinbase, or the sender's e-mail for a transfer. */
  method: string
  description: string
  /** Effect on the balance in dollars: positive adds credit. */
  amount: number
}

/**
 * Vast's `amount` as the balance sees it: the CLI flips the sign of every type except `transfer`
 * and `payout` (vast.py `format_invoices_charges_results`).
 */
export const balanceEffect = (type: string, amount: number) =>
  type === 'transfer' || type === 'payout' ? amount : -amount

export interface CreditPoint {
  day: string
  credit: number
}

/**
 * Credit at the end of each day of `range`, worked back from the credit `now`: add back what was
 * spent after that moment, take off what was paid in. Needs charges from the range's start to now.
 */
export function creditLine(
  creditNow: number,
  now: number,
  charges: readonly Charge[],
  payments: readonly Payment[],
  range: DayRange,
): CreditPoint[] {
  return daysOf(range)
    .map((day) => ({ day, end: Math.min(now, dayStart(day) + DAY_S) }))
    .filter((p) => p.end > dayStart(p.day))
    .map(({ day, end }) => {
      const paidAfter = payments
        .filter((p) => (p.paidAt ?? p.at) >= end && (p.paidAt ?? p.at) <= now)
        .reduce((sum, p) => sum + p.amount, 0)
      return { day, credit: creditNow + spendBetween(charges, end, now + 1) - paidAfter }
    })
}
