import { useState, type FormEvent } from 'react'
import { stripAutoStopMarker } from '../domain/auto-stop'
import { labelKeepingMarker } from '../domain/watchdog-rules'
import { labelInstance } from '../api/instances/endpoints'
import { useApiMutation } from '../api/mutation'
import { instanceQueries } from '../api/instances/queries'
import type { Instance } from '../api/instances/schemas'
import { Button } from '../ui/button'
import { Field } from '../ui/field'
import { showToast } from '../ui/toast-store'
import { SAVED_LIST_REASON, useSavedListAt } from './saved-list'

/** Vast's limit on labels (reference §6: 400 label_too_long beyond it). */
export const LABEL_MAX = 1024

/** "Edit label" opens an inline form; Save sends `PUT {label}` once and waits for the refetch. */
export function LabelEditor({ instance }: { instance: Instance }) {
  const [draft, setDraft] = useState<string | null>(null)
  const save = useApiMutation((label: string) => labelInstance(instance.id, label), {
    invalidates: [instanceQueries.all()],
  })
  const saved = useSavedListAt() !== null
  if (draft === null) {
    return (
      <Button
        size="sm"
        variant="ghost"
        aria-label={`Edit label of instance ${instance.id}`}
        disabled={saved}
        title={saved ? SAVED_LIST_REASON : undefined}
        onClick={() => setDraft(stripAutoStopMarker(instance.label))}
      >
        Edit label
      </Button>
    )
  }
  const tooLong = draft.length > LABEL_MAX
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (tooLong || save.isPending) return
    // The watchdog's rules live in the label's marker: keep it as it is.
    const label = labelKeepingMarker(instance.label, draft)
    save.mutateAsync(label).then(
      () => {
        setDraft(null)
        showToast(`Label of instance ${instance.id} saved`, 'success')
      },
      () => undefined,
    )
  }
  return (
    <form onSubmit={submit} className="flex w-full flex-wrap items-end gap-2">
      <Field
        label="Label"
        className="min-w-0 flex-1"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        hint={`${draft.length}/${LABEL_MAX} characters`}
        error={
          tooLong
            ? `At most ${LABEL_MAX} characters.`
            : save.isError
              ? `Couldn't save: ${save.error.message}`
              : null
        }
      />
      <Button type="submit" size="sm" variant="primary" disabled={tooLong || save.isPending}>
        {save.isPending ? 'Saving…' : 'Save label'}
      </Button>
      <Button size="sm" onClick={() => setDraft(null)} disabled={save.isPending}>
        Cancel
      </Button>
    </form>
  )
}
