/**
 * The API keys: one per Vast account (personal, team…), in memory plus the storage the user
 * chose for each (this device = localStorage, this session only = sessionStorage). One account is
 * active: its key is what every request sends. Keys are never in a URL, a log line, a query key
 * or the page; components see accounts by id, name and the key's last four characters.
 */
import { useMemo } from 'react'
import { create } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import {
  clearStored,
  initialState,
  persist,
  type AccountEntry,
  type KeyMode,
  type KeyState,
} from './key-storage'

export type { AccountEntry, KeyMode } from './key-storage'

/** What a screen may know of an account: never its key. */
export interface AccountSummary {
  id: string
  name: string | null
  /** The key's last four characters ("…c0ff"); null in the demo. */
  hint: string | null
  remember: boolean
  active: boolean
}

const store = create<KeyState>()(() => initialState())

function update(next: KeyState): void {
  store.setState(next)
  persist(next)
}

const activeOf = (s: KeyState): AccountEntry | undefined =>
  s.accounts.find((a) => a.id === s.activeId)

const activeIdentity = (s: KeyState): string => `${s.mode}|${s.activeId}|${activeOf(s)?.key ?? ''}`

/**
 * Calls `listener` whenever the active key changes (saved, switched, removed, forgotten, demo
 * entered or left). Answers the unsubscribe.
 */
export function onActiveKeyChange(listener: () => void): () => void {
  return store.subscribe((next, previous) => {
    if (activeIdentity(next) !== activeIdentity(previous)) listener()
  })
}

/**
 * The accounts whose key is remembered on this device, in live mode: the only ones whose answers
 * may be kept on the device too (a session-only key leaves nothing behind; the demo keeps nothing).
 */
const deviceAccountIds = (s: KeyState): string[] =>
  s.mode === 'live' ? s.accounts.filter((a) => a.remember).map((a) => a.id) : []

export const readDeviceAccountIds = (): string[] => deviceAccountIds(store.getState())

/**
 * Calls `listener` with the remembered accounts whenever that set changes in live mode (a key saved
 * or removed, keys forgotten, the demo left). Entering the demo puts the remembered keys aside
 * without forgetting them, so it does not call it. Answers the unsubscribe.
 */
export function onDeviceAccountsChange(listener: (ids: string[]) => void): () => void {
  return store.subscribe((next, previous) => {
    if (next.mode !== 'live') return
    const ids = deviceAccountIds(next)
    if (previous.mode !== 'live' || ids.join('\n') !== deviceAccountIds(previous).join('\n'))
      listener(ids)
  })
}

export const useApiKeyPresent = () => store((s) => activeOf(s) !== undefined)
export const useKeyMode = () => store((s) => s.mode)
/** The last four characters, for display ("…c0ff"). The full key is never rendered. */
export const useKeyHint = () =>
  store((s) => {
    const key = activeOf(s)?.key
    return key && s.mode === 'live' ? key.slice(-4) : null
  })
export const useActiveAccountId = () => store((s) => s.activeId)

/** Every account, without keys, in the order they were added. */
export function useAccounts(): AccountSummary[] {
  const [accounts, activeId, mode] = store(useShallow((s) => [s.accounts, s.activeId, s.mode]))
  return useMemo(
    () =>
      accounts.map((a) => ({
        id: a.id,
        name: a.name,
        hint: mode === 'live' ? a.key.slice(-4) : null,
        remember: a.remember,
        active: a.id === activeId,
      })),
    [accounts, activeId, mode],
  )
}

/** How an account is called in switchers and the combined view. */
export const accountLabel = (a: Pick<AccountSummary, 'name' | 'hint'>): string =>
  a.name ?? (a.hint ? `Key …${a.hint}` : 'Demo account')

/** Read at call time by the HTTP client, so a changed key applies to the next request. */
export const readApiKey = (): string | null => activeOf(store.getState())?.key ?? null
export const readKeyMode = (): KeyMode => store.getState().mode
export const readActiveAccountId = (): string | null => store.getState().activeId
/** The key of one account, for the combined view's requests (read at call time, never kept). */
export const readAccountKey = (id: string): string | null =>
  store.getState().accounts.find((a) => a.id === id)?.key ?? null

export interface AccountProfile {
  /** Vast's user id: a key for an account already held replaces that account's key. */
  userId?: number | null
  name?: string | null
  /** Make it the active account (default). "Add account" keeps the current one active. */
  activate?: boolean
}

/**
 * The user saved a verified key: it becomes the active account. A key for an account this
 * browser already holds (same Vast user id, or the same key) replaces that account's key.
 */
export function submitApiKey(
  key: string,
  remember: boolean,
  mode: KeyMode = 'live',
  profile: AccountProfile = {},
): string {
  const clean = key.trim()
  const state = store.getState()
  const base = mode === state.mode ? state.accounts : []
  const byUser = profile.userId != null ? `account-u${profile.userId}` : null
  const existing = base.find((a) => a.key === clean || (byUser !== null && a.id === byUser))
  const id = existing?.id ?? byUser ?? nextLocalId(base)
  const entry: AccountEntry = {
    id,
    key: clean,
    name: profile.name ?? existing?.name ?? null,
    remember,
  }
  const accounts = existing ? base.map((a) => (a.id === existing.id ? entry : a)) : [...base, entry]
  const keepActive = profile.activate === false && base.some((a) => a.id === state.activeId)
  update({ accounts, activeId: keepActive ? state.activeId : id, mode })
  return id
}

function nextLocalId(accounts: readonly AccountEntry[]): string {
  for (let n = accounts.length + 1; ; n += 1) {
    const id = `account-${n}`
    if (!accounts.some((a) => a.id === id)) return id
  }
}

/** Makes another held account the active one. */
export function switchAccount(id: string): void {
  const state = store.getState()
  if (state.activeId === id || !state.accounts.some((a) => a.id === id)) return
  update({ ...state, activeId: id })
}

/** Names an account (after verification told us its e-mail). */
export function nameAccount(id: string, name: string): void {
  const state = store.getState()
  if (!state.accounts.some((a) => a.id === id && a.name !== name)) return
  update({ ...state, accounts: state.accounts.map((a) => (a.id === id ? { ...a, name } : a)) })
}

/**
 * Forgets one account's key. If it was the active one, the next held account becomes active
 * (or none: the key screen comes back).
 */
export function removeAccount(id: string): void {
  const state = store.getState()
  const accounts = state.accounts.filter((a) => a.id !== id)
  const activeId = state.activeId === id ? (accounts[0]?.id ?? null) : state.activeId
  if (accounts.length === 0) {
    forgetApiKey()
    return
  }
  update({ ...state, accounts, activeId })
}

/**
 * The user forgot every key: removed from memory and both storages. Leaving the demo forgets
 * only the demo's accounts; keys remembered on this device before it come back.
 */
export function forgetApiKey(): void {
  const wasDemo = store.getState().mode === 'demo'
  clearStored('session')
  if (!wasDemo) clearStored('local')
  store.setState(wasDemo ? initialState() : { accounts: [], activeId: null, mode: 'live' })
}

/** Tests only: re-read storage as a fresh page load would. */
export function reloadApiKeyFromStorage(): void {
  store.setState(initialState())
}
