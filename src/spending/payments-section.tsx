import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { paymentQueries } from '../api/charges/queries'
import type { Charge } from '../domain/spending/ledger'
import { creditLine } from '../domain/spending/payments'
import type { DayRange } from '../domain/spending/range'
import { formatUsd } from '../domain/format'
import { LineChart } from './line-chart'
import { AMOUNT, CELL, DataTable, ROW } from './data-table'

const COLUMNS = [
  'Date (UTC)',
  'Type',
  'Method',
  'Description',
  { label: 'Amount', className: 'text-right' },
]
const date = (s: number) => new Date(s * 1000).toISOString().slice(0, 10)

/** Payments in the range, and the credit over time when the range reaches today. */
export function PaymentsSection({
  now,
  range,
  today,
  charges,
  credit,
}: {
  now: number
  range: DayRange
  today: string
  charges: readonly Charge[]
  credit: number | null
}) {
  const headingId = useId()
  const payments = useQuery(paymentQueries.range(range))
  const list = payments.data ?? []
  const line =
    credit !== null && range.to === today && payments.data
      ? creditLine(credit, now, charges, list, range)
      : null
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h2 id={headingId} className="text-base font-semibold text-text">
        Payments and credit
      </h2>
      {payments.isPending && (
        <p role="status" className="text-sm text-text-soft">
          Loading payments…
        </p>
      )}
      {payments.isError && (
        <p role="alert" className="text-sm text-danger-strong">
          Payments could not be loaded: {payments.error.message}
        </p>
      )}
      {line && line.length > 1 && (
        <LineChart
          title="Credit at the end of each day"
          points={line.map((p) => ({ day: p.day, value: p.credit }))}
        />
      )}
      {payments.data && (
        <DataTable caption={`Payments (${list.length})`} columns={COLUMNS}>
          {list.map((p) => (
            <tr key={p.id} className={ROW}>
              <td className={`${CELL} tabular-nums`}>{date(p.paidAt ?? p.at)}</td>
              <td className={CELL}>{p.type}</td>
              <td className={CELL}>{p.method}</td>
              <td className={CELL}>{p.description}</td>
              <td className={AMOUNT}>{formatUsd(p.amount)}</td>
            </tr>
          ))}
          {list.length === 0 && (
            <tr>
              <td colSpan={5} className="px-2 py-2 text-text-soft">
                No payments in this range.
              </td>
            </tr>
          )}
        </DataTable>
      )}
    </section>
  )
}
