import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { accountQueries } from '../../api/account/queries'
import { instanceQueries } from '../../api/instances/queries'
import { addSshKey } from '../../api/ssh-keys/endpoints'
import { sshKeyErrorMessage } from '../../api/ssh-keys/messages'
import { useSshKeyMutation } from '../../api/ssh-keys/mutations'
import { sshKeyQueries } from '../../api/ssh-keys/queries'
import { formatRate } from '../../domain/format'
import { burnRate, formatRunway, runwayHours } from '../../domain/money/burn'
import { checkPublicKey, describeKey } from '../../domain/ssh-public-key'
import { Button } from '../../ui/button'
import { inputClass } from '../../ui/field'
import { Notice } from '../../ui/notice'

/**
 * Warns when the account has no SSH key (the instance could not be logged into) and offers a
 * paste box that adds one through the account's SSH-key API. Silent while the keys load or when
 * they cannot be read.
 */
export function SshKeyCheck() {
  const id = useId()
  const keys = useQuery(sshKeyQueries.list())
  const add = useSshKeyMutation(addSshKey, 'user_write')
  const [draft, setDraft] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [added, setAdded] = useState<string | null>(null)
  if (added) {
    return (
      <Notice role="status" tone="success">
        {added}
      </Notice>
    )
  }
  if (!keys.data || keys.data.keys.length > 0) return null
  const save = () => {
    if (add.isPending) return
    const found = checkPublicKey(draft)
    setProblem(found)
    if (found) return
    add.mutate(draft, {
      onSuccess: () => setAdded(`Key ${describeKey(draft).name} added to the account.`),
    })
  }
  const shown = problem ?? (add.isError ? sshKeyErrorMessage(add.error, 'user_write') : null)
  return (
    <Notice tone="warning">
      <details>
        <summary className="cursor-pointer">
          This account has no SSH key: you could rent this machine but not log into it.{' '}
          <span className="font-medium underline">Add your public key</span>
        </summary>
        <div className="mt-2 flex flex-col gap-2">
          <label htmlFor={id} className="font-medium">
            Public key (one line of a .pub file)
          </label>
          <textarea
            id={id}
            rows={2}
            spellCheck={false}
            autoComplete="off"
            className={`${inputClass} font-mono text-xs`}
            value={draft}
            aria-invalid={shown ? true : undefined}
            aria-describedby={shown ? `${id}-error` : undefined}
            onChange={(event) => setDraft(event.target.value)}
          />
          {shown && (
            <p id={`${id}-error`} role="alert" className="text-danger-text">
              {shown}
            </p>
          )}
          <div>
            <Button size="sm" disabled={add.isPending} onClick={save}>
              {add.isPending ? 'Adding…' : 'Add key'}
            </Button>
          </div>
        </div>
      </details>
    </Notice>
  )
}

/**
 * "After renting: $X/hr, runway Y": everything the account bills now plus this rental, and how
 * long the credit lasts at that rate. Uses the cached instance list and account; nothing while
 * either is unknown.
 */
export function AfterRenting({ perHour }: { perHour: number | null }) {
  const instances = useQuery({ ...instanceQueries.list(), refetchOnMount: false })
  const account = useQuery({ ...accountQueries.current(), refetchOnMount: false })
  const credit = account.data?.credit ?? null
  if (perHour === null || !instances.data || credit === null) return null
  const total = burnRate(instances.data.instances).perHour + perHour
  return (
    <p className="text-sm text-text-soft">
      After renting: <span className="font-semibold text-text">{formatRate(total)}</span> for the
      account, runway{' '}
      <span className="font-semibold text-text">{formatRunway(runwayHours(credit, total))}</span>
    </p>
  )
}
