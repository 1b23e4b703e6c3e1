import { useId } from 'react'
import { stripAutoStopMarker } from '../domain/auto-stop'
import { destroyInstance } from '../api/instances/endpoints'
import { useApiMutation } from '../api/mutation'
import { instanceQueries } from '../api/instances/queries'
import type { Instance } from '../api/instances/schemas'
import { Button } from '../ui/button'
import { ColumnHeads } from '../ui/column-heads'
import { requestConfirm } from '../ui/confirm-store'
import { formatRate } from '../domain/format'
import { destroyStoppedWording } from './action-wording'
import { showToast } from '../ui/toast-store'
import { stillBilling } from '../domain/money/burn'
import { stoppedSinceIn, useObservedMap } from '../api/status-history-store'
import { useNow } from './use-now'

const days = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 })

/**
 * Stopped instances keep billing storage until destroyed: each with its $/day, how long it has
 * been stopped (as seen by this browser) and a confirmed Destroy; the total per day and month.
 */
export function StillBilling({ instances }: { instances: readonly Instance[] }) {
  const headingId = useId()
  const observed = useObservedMap()
  const now = useNow()
  const destroy = useApiMutation(destroyInstance, { invalidates: [instanceQueries.all()] })
  const computed = stillBilling(instances, (id) => stoppedSinceIn(observed, id), now)
  const perDay = computed.perDay
  const rows = computed.rows.map((row) => ({
    ...row,
    label: stripAutoStopMarker(row.label) || null,
  }))
  if (rows.length === 0) return null
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-warning-border bg-warning-soft p-3 text-sm text-warning-text"
    >
      <h2 id={headingId} className="font-semibold">
        Still billing: {rows.length} stopped {rows.length === 1 ? 'instance' : 'instances'},{' '}
        {formatRate(perDay, 'day')}
      </h2>
      <p className="mb-2 text-xs">
        Stopped instances bill storage until destroyed ({formatRate(perDay * 30, 'month')} at this
        rate). Destroying deletes their data.
      </p>
      <table className="w-full text-left">
        <ColumnHeads
          className="text-xs text-warning-text"
          cellClassName="py-1 font-medium"
          columns={['Instance', 'Storage', 'Stopped for', { label: 'Action', hidden: true }]}
        />
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-warning-border">
              <td className="py-1">
                {row.id}
                {row.label ? ` · ${row.label}` : ''}
              </td>
              <td className="py-1">
                {row.perDay === null ? 'unknown' : formatRate(row.perDay, 'day')}
              </td>
              <td
                className="py-1"
                title="Vast reports no stop time: counted from when this browser first saw it stopped"
              >
                {row.daysStopped === null ? '—' : `≥ ${days.format(row.daysStopped)} d`}
              </td>
              <td className="py-1 text-right">
                <Button
                  size="sm"
                  variant="danger"
                  aria-label={`Destroy stopped instance ${row.id}`}
                  onClick={() =>
                    requestConfirm({
                      ...destroyStoppedWording({
                        id: row.id,
                        label: row.label,
                        storagePerDay: row.perDay,
                      }),
                      tone: 'danger',
                      onConfirm: async () => {
                        await destroy.mutateAsync(row.id)
                        showToast(`Instance ${row.id} destroyed`, 'success')
                      },
                    })
                  }
                >
                  Destroy
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
