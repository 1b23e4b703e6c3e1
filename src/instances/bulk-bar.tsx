import { stripAutoStopMarker } from '../domain/auto-stop'
import { destroyInstance, startInstance, stopInstance } from '../api/instances/endpoints'
import { canStart, canStop } from '../domain/instance-status'
import { useApiMutation } from '../api/mutation'
import { instanceQueries } from '../api/instances/queries'
import type { Instance } from '../api/instances/schemas'
import { Button } from '../ui/button'
import { requestConfirm } from '../ui/confirm-store'
import { BULK_VERB as VERB, bulkWording, type BulkKind } from './action-wording'
import { showToast } from '../ui/toast-store'
import { burnOf, storageRate } from '../domain/money/burn'
import { SAVED_LIST_REASON, useSavedListAt } from './saved-list'

interface BulkResult {
  done: number[]
  failed: { id: number; message: string }[]
}

const CALLS: Record<BulkKind, (id: number) => Promise<unknown>> = {
  stop: stopInstance,
  start: startInstance,
  destroy: destroyInstance,
}

/**
 * One call per instance, one after another (the pacer spaces them: destroy is 3 s apart). A
 * failure does not stop the rest and nothing is retried; the result says which ones failed.
 */
async function runBulk({ kind, ids }: { kind: BulkKind; ids: number[] }): Promise<BulkResult> {
  const result: BulkResult = { done: [], failed: [] }
  for (const id of ids) {
    try {
      await CALLS[kind](id)
      result.done.push(id)
    } catch (error) {
      result.failed.push({
        id,
        message: error instanceof Error ? error.message : 'the request failed',
      })
    }
  }
  return result
}

const describe = (i: Instance) => {
  const label = stripAutoStopMarker(i.label)
  return `${i.id}${label ? ` "${label}"` : ''}`
}

export interface BulkBarProps {
  selected: readonly Instance[]
  onDone: () => void
  onClear: () => void
}

/** Stop, start or destroy the selected instances after one confirmation that lists them. */
export function BulkBar({ selected, onDone, onClear }: BulkBarProps) {
  const bulk = useApiMutation(runBulk, { invalidates: [instanceQueries.all()] })
  const saved = useSavedListAt() !== null
  if (selected.length === 0) return null

  const eligible: Record<BulkKind, Instance[]> = {
    stop: selected.filter(canStop),
    start: selected.filter(canStart),
    destroy: [...selected],
  }

  const waiting = saved ? SAVED_LIST_REASON : undefined
  const run = (kind: BulkKind) => {
    const list = eligible[kind]
    requestConfirm({
      ...bulkWording(kind, {
        names: list.map(describe),
        skipped: selected.length - list.length,
        perHour: list.reduce((sum, i) => sum + burnOf(i).perHour, 0),
        storagePerDay: list.reduce((sum, i) => sum + (storageRate(i) ?? 0), 0) * 24,
      }),
      tone: kind === 'destroy' ? 'danger' : 'primary',
      onConfirm: async () => {
        const result = await bulk.mutateAsync({ kind, ids: list.map((i) => i.id) })
        if (result.done.length > 0) {
          showToast(
            `${VERB[kind].past} ${result.done.length} ${result.done.length === 1 ? 'instance' : 'instances'}`,
            'success',
          )
          onDone()
        }
        if (result.failed.length > 0) {
          throw new Error(
            `Failed for ${result.failed.map((f) => `${f.id} (${f.message})`).join(', ')}.`,
          )
        }
      },
    })
  }

  return (
    <div
      role="toolbar"
      aria-label="Selected instances"
      className="flex flex-wrap items-center gap-2 rounded-md border border-accent-border bg-accent-soft px-3 py-2 text-sm"
    >
      <span className="font-medium text-accent-text">{selected.length} selected</span>
      <Button
        size="sm"
        disabled={saved || eligible.stop.length === 0}
        title={waiting}
        onClick={() => run('stop')}
      >
        Stop selected
      </Button>
      <Button
        size="sm"
        disabled={saved || eligible.start.length === 0}
        title={waiting}
        onClick={() => run('start')}
      >
        Start selected
      </Button>
      <Button
        size="sm"
        variant="quietDanger"
        disabled={saved}
        title={waiting}
        onClick={() => run('destroy')}
      >
        Destroy selected
      </Button>
      <Button size="sm" variant="ghost" onClick={onClear}>
        Clear selection
      </Button>
    </div>
  )
}
