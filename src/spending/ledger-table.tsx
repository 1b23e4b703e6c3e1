import { useState } from 'react'
import type { Charge } from '../domain/spending/ledger'
import { Button } from '../ui/button'
import { formatUsd } from '../domain/format'

const PAGE = 25
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
      <div className="overflow-x-auto rounded-lg border border-border bg-surface">
        <table className="w-full text-left text-sm">
          <caption className="p-2 text-left text-sm font-semibold text-text">{caption}</caption>
          <thead className="bg-surface-muted text-xs text-text-soft">
            <tr>
              <th scope="col" className="px-2 py-1">
                From (UTC)
              </th>
              <th scope="col" className="hidden px-2 py-1 sm:table-cell">
                To
              </th>
              <th scope="col" className="px-2 py-1">
                Instance
              </th>
              <th scope="col" className="px-2 py-1">
                Label
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                GPU
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                Storage
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                Bandwidth
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((c) => (
              <tr key={c.key} className="border-t border-border-subtle">
                <td className="px-2 py-1 whitespace-nowrap tabular-nums">{when(c.start)}</td>
                <td className="hidden px-2 py-1 whitespace-nowrap tabular-nums sm:table-cell">
                  {when(c.end)}
                </td>
                <td className="px-2 py-1 whitespace-nowrap">
                  {c.instanceId !== null && liveIds.has(c.instanceId) ? (
                    <button
                      type="button"
                      className="text-accent-text underline"
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
                      className="text-accent-text underline"
                      onClick={() => onPickLabel(c.label ?? '')}
                    >
                      {c.label}
                    </button>
                  ) : (
                    <span className="text-muted">none</span>
                  )}
                </td>
                <td className="px-2 py-1 text-right tabular-nums">{formatUsd(c.gpu)}</td>
                <td className="px-2 py-1 text-right tabular-nums">{formatUsd(c.storage)}</td>
                <td className="px-2 py-1 text-right tabular-nums">
                  {formatUsd(c.upload + c.download)}
                </td>
                <td className="px-2 py-1 text-right font-medium tabular-nums">
                  {formatUsd(c.amount)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
