import { useState } from 'react'
import type { Charge } from '../domain/spending/ledger'
import { Button } from '../ui/button'
import { formatUsd } from '../domain/format'
import { AMOUNT, DataTable, ROW } from './data-table'

const PAGE = 25
const right = (label: string) => ({ label, className: 'text-right' })
const COLUMNS = [
  'From (UTC)',
  { label: 'To', className: 'hidden sm:table-cell' },
  'Instance',
  'Label',
  right('GPU'),
  right('Storage'),
  right('Bandwidth'),
  right('Amount'),
]
const when = (s: number) => new Date(s * 1000).toISOString().slice(0, 16).replace('T', ' ')

/** The rows behind the figures (newest first), 25 at first, then 100 more at a time; an instance that still exists links to its card. */
export function LedgerTable({
  charges,
  caption,
  liveIds,
  onOpenInstance,
  onPickLabel,
}: {
  charges: readonly Charge[]
  caption: string
  liveIds: ReadonlySet<number>
  onOpenInstance: (id: number) => void
  onPickLabel: (label: string) => void
}) {
  const [shown, setShown] = useState(PAGE)
  const rows = [...charges].sort((a, b) => b.start - a.start || a.key.localeCompare(b.key))
  return (
    <div className="flex flex-col gap-2">
      <DataTable caption={caption} columns={COLUMNS}>
        {rows.slice(0, shown).map((c) => (
          <tr key={c.key} className={ROW}>
            <td className="px-2 py-1 whitespace-nowrap tabular-nums">{when(c.start)}</td>
            <td className="hidden px-2 py-1 whitespace-nowrap tabular-nums sm:table-cell">
              {when(c.end)}
            </td>
            <td className="px-2 py-1 whitespace-nowrap">
              {c.instanceId !== null && liveIds.has(c.instanceId) ? (
                <button
                  type="button"
                  className="text-accent-strong underline"
                  onClick={() => onOpenInstance(c.instanceId ?? 0)}
                >
                  {c.instanceId}
                </button>
              ) : (
                <span>
                  {c.instanceId ?? c.source}
                  {c.instanceId !== null && <span className="text-muted"> (gone)</span>}
                </span>
              )}
            </td>
            <td className="px-2 py-1 whitespace-nowrap">
              {c.label ? (
                <button
                  type="button"
                  className="text-accent-strong underline"
                  onClick={() => onPickLabel(c.label ?? '')}
                >
                  {c.label}
                </button>
              ) : (
                <span className="text-muted">none</span>
              )}
            </td>
            <td className={AMOUNT}>{formatUsd(c.gpu)}</td>
            <td className={AMOUNT}>{formatUsd(c.storage)}</td>
            <td className={AMOUNT}>{formatUsd(c.upload + c.download)}</td>
            <td className={`${AMOUNT} font-medium`}>{formatUsd(c.amount)}</td>
          </tr>
        ))}
      </DataTable>
      <p className="text-xs text-text-soft">
        Showing {Math.min(shown, rows.length)} of {rows.length} rows.
      </p>
      {shown < rows.length && (
        <Button size="sm" className="self-start" onClick={() => setShown((n) => n + PAGE * 4)}>
          Show more rows
        </Button>
      )}
    </div>
  )
}
