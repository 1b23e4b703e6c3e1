import { useId, useRef, useState, type FormEvent } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { submitApiKey } from '../api/api-key-store'
import { getAccount } from '../api/endpoints'
import { isApiError } from '../api/errors'
import { accountQueries } from '../api/queries'
import { Button } from '../ui/button'
import { inputClass } from '../ui/field'

export const REQUIRED_PERMISSIONS = [
  'misc',
  'user_read',
  'instance_read',
  'instance_write',
] as const

export interface ApiKeyFormProps {
  /** Starts demo mode (the simulator in the browser). */
  onTryDemo: () => Promise<void>
  /** Shown above the form when the saved key stopped working mid-session. */
  rejectedNotice?: boolean
  onSaved?: () => void
}

type Problem = { kind: 'rejected' } | { kind: 'other'; message: string } | { kind: 'empty' }

/** Enter once, verify against /users/current/, keep where the user chose. */
export function ApiKeyForm({ onTryDemo, rejectedNotice = false, onSaved }: ApiKeyFormProps) {
  const queryClient = useQueryClient()
  const [key, setKey] = useState('')
  const [visible, setVisible] = useState(false)
  const [remember, setRemember] = useState(true)
  const [pending, setPending] = useState(false)
  const [demoPending, setDemoPending] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const inFlight = useRef(false)
  const inputId = useId()
  const hintId = useId()

  async function verify(event: FormEvent) {
    event.preventDefault()
    const candidate = key.trim()
    if (candidate === '') {
      setProblem({ kind: 'empty' })
      return
    }
    if (inFlight.current) return
    inFlight.current = true
    setPending(true)
    setProblem(null)
    try {
      const account = await getAccount({ key: candidate })
      queryClient.clear()
      submitApiKey(candidate, remember)
      queryClient.setQueryData(accountQueries.current().queryKey, account)
      setKey('')
      onSaved?.()
    } catch (error) {
      if (isApiError(error) && error.kind === 'auth') setProblem({ kind: 'rejected' })
      else
        setProblem({
          kind: 'other',
          message: error instanceof Error ? error.message : 'The key could not be checked.',
        })
    } finally {
      inFlight.current = false
      setPending(false)
    }
  }

  return (
    <section
      aria-labelledby={`${inputId}-title`}
      className="mx-auto mt-12 max-w-xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <h1 id={`${inputId}-title`} className="text-2xl font-semibold">
        Connect your Vast.ai account
      </h1>
      <p className="mt-2 text-sm text-slate-700">
        Paste an API key from{' '}
        <a
          className="text-blue-800 underline"
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
          className="mt-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
        >
          Vast no longer accepts the saved key (it may have been revoked). Polling has stopped.
          Enter a new key to continue.
        </p>
      )}
      <form className="mt-5 flex flex-col gap-4" onSubmit={(e) => void verify(e)} noValidate>
        <div className="flex flex-col gap-1">
          <label htmlFor={inputId} className="text-sm font-medium">
            API key
          </label>
          <div className="flex gap-2">
            <input
              id={inputId}
              type={visible ? 'text' : 'password'}
              className={inputClass}
              value={key}
              onChange={(e) => setKey(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={hintId}
              aria-invalid={problem !== null ? true : undefined}
            />
            <Button
              onClick={() => setVisible((v) => !v)}
              aria-pressed={visible}
              aria-controls={inputId}
            >
              {visible ? 'Hide key' : 'Show key'}
            </Button>
          </div>
          <p id={hintId} className="text-xs text-slate-600">
            Prefer a scoped key with only the permissions {REQUIRED_PERMISSIONS.join(', ')}: it can
            rent and destroy, but not move money.
          </p>
        </div>
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium">Keep the key</legend>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="remember"
              checked={remember}
              onChange={() => setRemember(true)}
            />
            Remember on this device
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="remember"
              checked={!remember}
              onChange={() => setRemember(false)}
            />
            This session only (forgotten when the tab closes)
          </label>
        </fieldset>
        {problem && (
          <div
            role="alert"
            className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900"
          >
            {problem.kind === 'empty' && 'Enter an API key first.'}
            {problem.kind === 'other' && problem.message}
            {problem.kind === 'rejected' && (
              <>
                <p className="font-medium">Vast rejected this key.</p>
                <p>
                  Check that it was copied whole and has not been deleted. A key for this app needs
                  the permissions{' '}
                  {REQUIRED_PERMISSIONS.map((p, i) => (
                    <span key={p}>
                      <code>{p}</code>
                      {i < REQUIRED_PERMISSIONS.length - 1 ? ', ' : ''}
                    </span>
                  ))}
                  .
                </p>
              </>
            )}
          </div>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? 'Checking key…' : 'Save key'}
          </Button>
          <span className="text-sm text-slate-600">or</span>
          <Button
            disabled={demoPending}
            onClick={() => {
              setDemoPending(true)
              onTryDemo().catch((error: unknown) => {
                setProblem({
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
        <p className="text-xs text-slate-600">
          The demo runs a simulated marketplace in your browser: no key, no money.
        </p>
      </form>
    </section>
  )
}
