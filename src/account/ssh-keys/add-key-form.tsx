import { useQuery } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { addSshKey } from '../../api/ssh-keys/endpoints'
import { checkPublicKey, describeKey, sameKey } from '../../domain/ssh-public-key'
import { sshKeyErrorMessage } from '../../api/ssh-keys/messages'
import { sshKeyQueries } from '../../api/ssh-keys/queries'
import { useSshKeyMutation } from '../../api/ssh-keys/mutations'
import { Button } from '../../ui/button'
import { inputClass } from '../../ui/field'

/** Paste a public key, check it here (a private key never leaves the browser), then add it. */
export function AddKeyForm({ onDone }: { onDone: (message: string) => void }) {
  const id = useId()
  const [draft, setDraft] = useState('')
  // Messages appear after the first attempt, then follow the text as it is corrected.
  const [attempted, setAttempted] = useState(false)
  const keys = useQuery(sshKeyQueries.list())
  const add = useSshKeyMutation(addSshKey, 'user_write')
  const problem =
    checkPublicKey(draft) ??
    (keys.data?.keys.some((key) => sameKey(key.publicKey, draft))
      ? 'That key is already on the account.'
      : null)
  const shown = attempted
    ? problem
    : add.isError
      ? `Couldn't add the key: ${sshKeyErrorMessage(add.error, 'user_write')}`
      : null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (add.isPending) return
    setAttempted(true)
    if (problem) return
    setAttempted(false)
    const { name } = describeKey(draft)
    add.mutate(draft, {
      onSuccess: () => {
        setDraft('')
        onDone(`Key ${name} added. It reaches instances created from now on.`)
      },
    })
  }

  return (
    <form onSubmit={submit} noValidate className="flex max-w-2xl flex-col gap-2">
      <h3 className="text-base font-semibold">Add a key</h3>
      <label htmlFor={id} className="text-sm font-medium text-text">
        Public key
      </label>
      <textarea
        id={id}
        rows={3}
        spellCheck={false}
        autoComplete="off"
        className={`${inputClass} font-mono`}
        value={draft}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(event) => {
          setDraft(event.target.value)
          if (add.isError) add.reset()
        }}
      />
      <p id={`${id}-hint`} className="text-xs text-muted">
        One line from a .pub file (for example ~/.ssh/id_ed25519.pub), starting with ssh-ed25519,
        ssh-rsa or ecdsa-sha2-….
      </p>
      {shown && (
        <p id={`${id}-error`} role="alert" className="text-sm text-danger-text">
          {shown}
        </p>
      )}
      <div>
        <Button type="submit" variant="primary" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add key'}
        </Button>
      </div>
    </form>
  )
}
