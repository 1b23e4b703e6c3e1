/**
 * Where the keys live between page loads: remembered accounts in localStorage, the others (and
 * the demo) in sessionStorage, as one versioned record per storage. Version 1 (one key) is read as
 * one account; anything unreadable is removed.
 */
const STORAGE_KEY = 'vast-console.api-key'
const FORMAT_VERSION = 2

export type KeyMode = 'live' | 'demo'

export interface StoredAccount {
  id: string
  key: string
  /** The account's e-mail (or another name), as Vast reported it when the key was verified. */
  name: string | null
}

export interface AccountEntry extends StoredAccount {
  remember: boolean
}

export interface KeyState {
  accounts: AccountEntry[]
  activeId: string | null
  mode: KeyMode
}

function safeStorage(kind: 'local' | 'session'): Storage | null {
  try {
    return kind === 'local' ? window.localStorage : window.sessionStorage
  } catch {
    return null
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

function readAccount(value: unknown): StoredAccount | null {
  if (!isRecord(value)) return null
  const { id, key, name } = value
  if (typeof id !== 'string' || id === '' || typeof key !== 'string' || key === '') return null
  return { id, key, name: typeof name === 'string' ? name : null }
}

interface Stored {
  accounts: StoredAccount[]
  active: string | null
  mode: KeyMode
}

/** Reads version 2, and version 1 (one key) as one account. Anything unreadable is removed. */
function readStored(storage: Storage | null): Stored | null {
  const raw = storage?.getItem(STORAGE_KEY)
  if (!raw) return null
  try {
    const value: unknown = JSON.parse(raw)
    if (isRecord(value) && (value.mode === 'live' || value.mode === 'demo')) {
      const mode = value.mode
      if (value.v === 1 && typeof value.key === 'string' && value.key !== '') {
        return { accounts: [{ id: 'account-1', key: value.key, name: null }], active: null, mode }
      }
      if (value.v === FORMAT_VERSION && Array.isArray(value.accounts)) {
        const accounts = value.accounts.map(readAccount).filter((a) => a !== null)
        const active = typeof value.active === 'string' ? value.active : null
        if (accounts.length > 0) return { accounts, active, mode }
      }
    }
  } catch {
    // unreadable: treated as no key
  }
  storage?.removeItem(STORAGE_KEY)
  return null
}

export function initialState(): KeyState {
  const local = readStored(safeStorage('local'))
  const session = readStored(safeStorage('session'))
  if (session?.mode === 'demo') {
    const accounts = session.accounts.map((a) => ({ ...a, remember: false }))
    return { accounts, activeId: session.active ?? accounts[0]?.id ?? null, mode: 'demo' }
  }
  const accounts: AccountEntry[] = [
    ...(local?.accounts ?? []).map((a) => ({ ...a, remember: true })),
    ...(session?.accounts ?? []).map((a) => ({ ...a, remember: false })),
  ].filter((a, i, all) => all.findIndex((b) => b.id === a.id) === i)
  const wanted = session?.active ?? local?.active
  const activeId = accounts.some((a) => a.id === wanted) ? wanted : accounts[0]?.id
  return { accounts, activeId: activeId ?? null, mode: 'live' }
}

/** Writes the remembered accounts to localStorage and the others to sessionStorage. */
export function persist(state: KeyState): void {
  const write = (kind: 'local' | 'session', accounts: AccountEntry[]) => {
    const storage = safeStorage(kind)
    if (accounts.length === 0) {
      storage?.removeItem(STORAGE_KEY)
      return
    }
    const record = {
      v: FORMAT_VERSION,
      mode: state.mode,
      active: state.activeId,
      accounts: accounts.map(({ id, key, name }) => ({ id, key, name })),
    }
    try {
      storage?.setItem(STORAGE_KEY, JSON.stringify(record))
    } catch {
      // storage full or blocked: the key stays in memory for this page
    }
  }
  // The demo never touches the device's remembered keys.
  if (state.mode === 'live')
    write(
      'local',
      state.accounts.filter((a) => a.remember),
    )
  write(
    'session',
    state.accounts.filter((a) => !a.remember || state.mode === 'demo'),
  )
}

/** Removes the record from one storage. */
export const clearStored = (kind: 'local' | 'session'): void =>
  safeStorage(kind)?.removeItem(STORAGE_KEY)
