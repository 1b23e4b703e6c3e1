import { useId, useState, type FormEvent } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { submitApiKey, useAccounts } from '../api/api-key-store'
import { useAccountSwitch } from '../api/use-account-switch'
import { accountQueries } from '../api/account/queries'
import { Button } from '../ui/button'
import { accountName, KeyFields, useKeyEntry } from './key-fields'

export { REQUIRED_PERMISSIONS } from './key-fields'

export interface ApiKeyFormProps {
  /** Starts demo mode (the simulator in the browser). */
  onTryDemo: () => Promise<void>
  /** Shown above the form when the saved key stopped working mid-session. */
  rejectedNotice?: boolean
  onSaved?: () => void
  /**
   * Called as a key's check starts, so work that needs the key (the dashboard's code, the first
   * search) can start alongside; the returned function is told whether the key was accepted.
   */
  onVerifying?: (key: string) => (accepted: boolean) => void
}

/** Enter once, verify against /users/current/, keep where the user chose. */
export function ApiKeyForm({
  onTryDemo,
  rejectedNotice = false,
  onSaved,
  onVerifying,
}: ApiKeyFormProps) {
  const queryClient = useQueryClient()
  const entry = useKeyEntry()
  const [demoPending, setDemoPending] = useState(false)
  const inputId = useId()
  const others = useAccounts().filter((a) => !a.active)
  const { switchTo } = useAccountSwitch()

  async function save(event: FormEvent) {
    event.preventDefault()
    const candidate = entry.key.trim()
    const settle = candidate && !entry.pending ? onVerifying?.(candidate) : undefined
    const verified = await entry.verify()
    if (!verified) {
      settle?.(false)
      return
    }
    submitApiKey(verified.key, entry.remember, 'live', {
      userId: verified.account.id,
      name: accountName(verified.account),
    })
    queryClient.setQueryData(accountQueries.current().queryKey, verified.account)
    settle?.(true)
    entry.setKey('')
    onSaved?.()
  }

  return (
    <section
      aria-labelledby={`${inputId}-title`}
      className="mx-auto mt-12 max-w-xl rounded-lg border border-border bg-surface p-6 shadow-sm"
    >
      <h1 id={`${inputId}-title`} className="text-2xl font-semibold">
        Connect your Vast.ai account
      </h1>
      <p className="mt-2 text-sm text-text-soft">
        Paste an API key from{' '}
        <a
          className="text-accent-text underline"
          href="https://cloud.vast.ai/manage-keys/"
          target="_blank"
          rel="noreferrer noopener"
        >
          cloud.vast.ai/manage-keys
        </a>
        . It is checked with Vast, then kept only in this browser and sent only to Vast in the
        Authorization header.
      </p>
      {rejectedNotice && (
        <p
          role="alert"
          className="mt-4 rounded border border-warning-border bg-warning-soft p-3 text-sm text-warning-text"
        >
          Vast no longer accepts the saved key (it may have been revoked). Polling has stopped.
          Enter a new key to continue{others.length > 0 ? ', or switch to another account' : ''}.
        </p>
      )}
      {rejectedNotice && others.length > 0 && (
        <div className="mt-3 flex flex-wrap gap-2">
          {others.map((a) => (
            <Button
              key={a.id}
              onClick={() => {
                switchTo(a.id)
                onSaved?.()
              }}
            >
              Switch to {a.name ?? `the key ending ${a.hint ?? ''}`}
            </Button>
          ))}
        </div>
      )}
      <form className="mt-5 flex flex-col gap-4" onSubmit={(e) => void save(e)} noValidate>
        <KeyFields entry={entry} />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary" disabled={entry.pending}>
            {entry.pending ? 'Checking key…' : 'Save key'}
          </Button>
          <span className="text-sm text-muted">or</span>
          <Button
            disabled={demoPending}
            onClick={() => {
              setDemoPending(true)
              onTryDemo().catch((error: unknown) => {
                entry.setProblem({
                  kind: 'other',
                  message:
                    error instanceof Error
                      ? `The demo could not start: ${error.message}`
                      : 'The demo could not start.',
                })
                setDemoPending(false)
              })
            }}
          >
            {demoPending ? 'Starting demo…' : 'Try the demo'}
          </Button>
        </div>
        <p className="text-xs text-muted">
          The demo runs a simulated marketplace in your browser: no key, no money.
        </p>
      </form>
    </section>
  )
}
