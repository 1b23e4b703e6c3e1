import { useId, useState, type FormEvent } from 'react'
import {
  accountLabel,
  forgetApiKey,
  submitApiKey,
  useAccounts,
  useKeyMode,
  type AccountSummary,
} from '../api/api-key-store'
import { useAccountSwitch } from '../api/use-account-switch'
import { Button } from '../ui/button'
import { requestConfirm } from '../ui/confirm-store'
import { accountName, KeyFields, useKeyEntry } from './key-fields'

const KEEPS_BILLING = 'Its instances keep running and billing on Vast.'

/**
 * The accounts this browser holds (personal, team…): which one is active, switching, adding
 * another key and forgetting keys. Adding a key does not switch to it.
 */
export function AccountsSection() {
  const accounts = useAccounts()
  const demo = useKeyMode() === 'demo'
  const { switchTo, remove } = useAccountSwitch()
  const [status, setStatus] = useState('')

  const forgetAll = () =>
    requestConfirm({
      title: 'Forget every key?',
      body: `This browser forgets the keys of all ${accounts.length} accounts. ${KEEPS_BILLING}`,
      confirmLabel: 'Forget all keys',
      tone: 'danger',
      onConfirm: async () => {
        forgetApiKey()
        return Promise.resolve()
      },
    })

  return (
    <section aria-labelledby="accounts-title" className="flex flex-col gap-3">
      <h2 id="accounts-title" className="text-lg font-semibold">
        Accounts
      </h2>
      <p className="text-sm text-text-soft">
        Hold keys for several Vast accounts (personal, team) and switch between them. With more than
        one, the Instances tab shows every account&apos;s instances and spending together.
      </p>
      <ul
        aria-label="Accounts in this browser"
        className="flex flex-col divide-y divide-border rounded-lg border border-border bg-surface"
      >
        {accounts.map((a) => (
          <AccountRow
            key={a.id}
            account={a}
            demo={demo}
            onSwitch={() => {
              switchTo(a.id)
              setStatus(`Switched to ${accountLabel(a)}.`)
            }}
            onForget={() =>
              requestConfirm({
                title: `Forget the key of ${accountLabel(a)}?`,
                body: `The key is removed from this browser. ${KEEPS_BILLING}`,
                confirmLabel: 'Forget key',
                tone: 'danger',
                onConfirm: async () => {
                  remove(a.id)
                  setStatus(`Forgot the key of ${accountLabel(a)}.`)
                  return Promise.resolve()
                },
              })
            }
          />
        ))}
      </ul>
      <p role="status" className="text-sm text-text-soft">
        {status}
      </p>
      {!demo && <AddAccountForm onAdded={setStatus} />}
      {!demo && accounts.length > 1 && (
        <div>
          <Button variant="danger" onClick={forgetAll}>
            Forget all keys
          </Button>
        </div>
      )}
    </section>
  )
}

interface AccountRowProps {
  account: AccountSummary
  demo: boolean
  onSwitch: () => void
  onForget: () => void
}

function AccountRow({ account: a, demo, onSwitch, onForget }: AccountRowProps) {
  const label = accountLabel(a)
  return (
    <li className="flex flex-wrap items-center gap-3 px-3 py-2 text-sm">
      <span className="font-medium text-text">{label}</span>
      {a.hint && <span className="text-muted">key …{a.hint}</span>}
      <span className="text-muted">
        {demo ? 'simulated' : a.remember ? 'remembered on this device' : 'this session only'}
      </span>
      {a.active ? (
        <span className="rounded bg-accent-muted px-2 py-0.5 text-xs font-medium text-accent-text">
          Active
        </span>
      ) : (
        <Button size="sm" onClick={onSwitch} aria-label={`Switch to ${label}`}>
          Switch
        </Button>
      )}
      {!demo && (
        <Button
          size="sm"
          variant="ghost"
          onClick={onForget}
          aria-label={`Forget the key of ${label}`}
        >
          Forget
        </Button>
      )}
    </li>
  )
}

/** Another account's key: checked with Vast, then held beside the others (the active one stays). */
function AddAccountForm({ onAdded }: { onAdded: (message: string) => void }) {
  const entry = useKeyEntry()
  const accounts = useAccounts()
  const headingId = useId()

  async function add(event: FormEvent) {
    event.preventDefault()
    const verified = await entry.verify()
    if (!verified) return
    const name = accountName(verified.account)
    const held = new Set(accounts.map((a) => a.id))
    const id = submitApiKey(verified.key, entry.remember, 'live', {
      userId: verified.account.id,
      name,
      activate: false,
    })
    entry.setKey('')
    onAdded(
      held.has(id)
        ? `${name} was already added: its key was updated.`
        : `Added ${name}. Switch to it here or with the Account menu at the top.`,
    )
  }

  return (
    <form
      aria-labelledby={headingId}
      className="flex max-w-xl flex-col gap-3 rounded-lg border border-border bg-surface p-4"
      onSubmit={(e) => void add(e)}
      noValidate
    >
      <h3 id={headingId} className="font-semibold">
        Add another account
      </h3>
      <KeyFields entry={entry} />
      <div>
        <Button type="submit" variant="primary" disabled={entry.pending}>
          {entry.pending ? 'Checking key…' : 'Add account'}
        </Button>
      </div>
    </form>
  )
}
