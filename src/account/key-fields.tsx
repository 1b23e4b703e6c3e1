/**
 * The parts of entering a key, shared by the first-key screen and "Add account": the hidden key
 * input, where to keep it, the check with Vast and its specific messages.
 */
import { useId, useRef, useState } from 'react'
import { getAccount } from '../api/account/endpoints'
import { isApiError } from '../api/errors'
import type { Account } from '../api/account/schemas'
import { Button } from '../ui/button'
import { inputClass } from '../ui/field'

export const REQUIRED_PERMISSIONS = [
  'misc',
  'user_read',
  'instance_read',
  'instance_write',
] as const

export type KeyProblem =
  { kind: 'rejected' } | { kind: 'other'; message: string } | { kind: 'empty' }

export interface KeyEntry {
  key: string
  setKey: (key: string) => void
  remember: boolean
  setRemember: (remember: boolean) => void
  pending: boolean
  problem: KeyProblem | null
  setProblem: (problem: KeyProblem | null) => void
  /** Checks the typed key with Vast: the account it opens, or null (the problem is set). */
  verify: () => Promise<{ key: string; account: Account } | null>
}

export function useKeyEntry(): KeyEntry {
  const [key, setKey] = useState('')
  const [remember, setRemember] = useState(true)
  const [pending, setPending] = useState(false)
  const [problem, setProblem] = useState<KeyProblem | null>(null)
  const inFlight = useRef(false)

  async function verify() {
    const candidate = key.trim()
    if (candidate === '') {
      setProblem({ kind: 'empty' })
      return null
    }
    if (inFlight.current) return null
    inFlight.current = true
    setPending(true)
    setProblem(null)
    try {
      return { key: candidate, account: await getAccount({ key: candidate }) }
    } catch (error) {
      if (isApiError(error) && error.kind === 'auth') setProblem({ kind: 'rejected' })
      else
        setProblem({
          kind: 'other',
          message: error instanceof Error ? error.message : 'The key could not be checked.',
        })
      return null
    } finally {
      inFlight.current = false
      setPending(false)
    }
  }

  return { key, setKey, remember, setRemember, pending, problem, setProblem, verify }
}

/** The name an account goes by: its e-mail, else its user name, else its id. */
export const accountName = (account: Account): string =>
  account.email ?? account.username ?? `Account ${account.id}`

export function KeyFields({ entry }: { entry: KeyEntry }) {
  const [visible, setVisible] = useState(false)
  const inputId = useId()
  const hintId = useId()
  const keepName = useId()
  return (
    <>
      <div className="flex flex-col gap-1">
        <label htmlFor={inputId} className="text-sm font-medium">
          API key
        </label>
        <div className="flex gap-2">
          <input
            id={inputId}
            type={visible ? 'text' : 'password'}
            className={inputClass}
            value={entry.key}
            onChange={(e) => entry.setKey(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={hintId}
            aria-invalid={entry.problem !== null ? true : undefined}
          />
          <Button
            onClick={() => setVisible((v) => !v)}
            aria-pressed={visible}
            aria-controls={inputId}
          >
            {visible ? 'Hide key' : 'Show key'}
          </Button>
        </div>
        <p id={hintId} className="text-xs text-muted">
          Prefer a scoped key with only the permissions {REQUIRED_PERMISSIONS.join(', ')}: it can
          rent and destroy, but not move money.
        </p>
      </div>
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium">Keep the key</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name={keepName}
            checked={entry.remember}
            onChange={() => entry.setRemember(true)}
          />
          Remember on this device
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name={keepName}
            checked={!entry.remember}
            onChange={() => entry.setRemember(false)}
          />
          This session only (forgotten when the tab closes)
        </label>
        <p className="text-xs text-muted">
          A remembered key stays in this browser until you forget it, readable by any page served
          from this same address (host name and port). On a shared computer, keep it for this
          session only.
        </p>
      </fieldset>
      {entry.problem && <KeyProblemAlert problem={entry.problem} />}
    </>
  )
}

function KeyProblemAlert({ problem }: { problem: KeyProblem }) {
  return (
    <div
      role="alert"
      className="rounded border border-danger-border bg-danger-soft p-3 text-sm text-danger-text"
    >
      {problem.kind === 'empty' && 'Enter an API key first.'}
      {problem.kind === 'other' && problem.message}
      {problem.kind === 'rejected' && (
        <>
          <p className="font-medium">Vast rejected this key.</p>
          <p>
            Check that it was copied whole and has not been deleted. A key for this app needs the
            permissions{' '}
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
  )
}
