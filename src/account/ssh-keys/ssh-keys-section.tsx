import { useQuery } from '@tanstack/react-query'
import { PanelSkeleton } from '../../ui/skeleton'
import { useState } from 'react'
import { deleteSshKey } from '../../api/ssh-keys/endpoints'
import { describeKey } from '../../domain/ssh-public-key'
import { sshKeyErrorMessage } from '../../api/ssh-keys/messages'
import { sshKeyQueries } from '../../api/ssh-keys/queries'
import { useSshKeyMutation } from '../../api/ssh-keys/mutations'
import { type SshKey } from '../../api/ssh-keys/schemas'
import { Button } from '../../ui/button'
import { requestConfirm } from '../../ui/confirm-store'
import { AddKeyForm } from './add-key-form'
import { AttachKeyForm } from './attach-key-form'

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' })

/** Account SSH keys: list, add, delete, and attach one to an instance that already exists. */
export function SshKeysSection() {
  // The outcome of the last add, delete or attach, announced in one live region.
  const [announcement, setAnnouncement] = useState('')
  return (
    <section aria-labelledby="ssh-keys-title" className="flex flex-col gap-4">
      <h2 id="ssh-keys-title" className="text-lg font-semibold">
        SSH keys
      </h2>
      <p className="max-w-prose text-sm text-text-soft">
        New account keys reach only instances created after they are added. To use a key on an
        instance that already exists, attach it below.
      </p>
      <p role="status" className="text-sm font-medium text-success-text">
        {announcement}
      </p>
      <KeyList onDone={setAnnouncement} />
      <AddKeyForm onDone={setAnnouncement} />
      <AttachKeyForm onDone={setAnnouncement} />
    </section>
  )
}

function KeyList({ onDone }: { onDone: (message: string) => void }) {
  const keys = useQuery(sshKeyQueries.list())
  if (keys.data) {
    return (
      <div className="flex flex-col gap-2">
        {keys.isError && (
          <p className="text-sm text-warning-text">
            Couldn't refresh the keys: {keys.error.message}
          </p>
        )}
        {keys.data.dropped > 0 && (
          <p className="text-sm text-warning-text">
            {keys.data.dropped} key(s) came back in a form this app cannot read and are not shown.
          </p>
        )}
        {keys.data.keys.length === 0 ? (
          <p className="text-sm text-muted">No SSH keys on this account yet.</p>
        ) : (
          <ul aria-label="Account SSH keys" className="flex flex-col divide-y divide-border">
            {keys.data.keys.map((key) => (
              <KeyRow key={key.id} sshKey={key} onDone={onDone} />
            ))}
          </ul>
        )}
      </div>
    )
  }
  if (keys.isError) {
    return (
      <div role="alert" className="flex flex-wrap items-center gap-2 text-sm text-danger-text">
        Couldn't load SSH keys: {keys.error.message}
        <Button size="sm" onClick={() => void keys.refetch()}>
          Try again
        </Button>
      </div>
    )
  }
  return <PanelSkeleton label="Loading SSH keys…" rows={2} />
}

function KeyRow({ sshKey, onDone }: { sshKey: SshKey; onDone: (message: string) => void }) {
  const remove = useSshKeyMutation(deleteSshKey, 'user_write')
  const { type, comment, tail, name } = describeKey(sshKey.publicKey)
  const confirmDelete = () =>
    requestConfirm({
      title: `Delete SSH key ${name}?`,
      body: `The key ${name} (…${tail}) is removed from the account, so instances created from now on will not accept it.`,
      confirmLabel: 'Delete key',
      tone: 'danger',
      onConfirm: () =>
        remove.mutateAsync(sshKey.id).then(
          () => onDone(`Key ${name} deleted.`),
          (error: Error) => {
            throw new Error(sshKeyErrorMessage(error, 'user_write'))
          },
        ),
    })
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
      <span className="font-medium">{comment ?? 'No comment'}</span>
      <span className="text-muted">{type}</span>
      <code className="rounded bg-surface-sunken px-1 text-xs" title="End of the key">
        …{tail}
      </code>
      {sshKey.createdAt !== null && (
        <span className="text-muted">
          added{' '}
          <time dateTime={new Date(sshKey.createdAt).toISOString()}>
            {dateFormat.format(sshKey.createdAt)}
          </time>
        </span>
      )}
      <Button size="sm" variant="ghost" className="ml-auto" onClick={confirmDelete}>
        Delete <span className="sr-only">key {name}</span>
      </Button>
    </li>
  )
}
