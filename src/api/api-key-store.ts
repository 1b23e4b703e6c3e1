/**
 * The API key: in memory, plus the storage the user chose (this device = localStorage, this
 * session only = sessionStorage). Never in a URL, a log line, a query key or the page.
 */
import { create } from 'zustand'

const STORAGE_KEY = 'vast-console.api-key'
const FORMAT_VERSION = 1

export type KeyMode = 'live' | 'demo'

interface KeyState {
  key: string | null
  mode: KeyMode
  remember: boolean
}

interface Stored {
  v: number
  key: string
  mode: KeyMode
}

function safeStorage(kind: 'local' | 'session'): Storage | null {
  try {
    return kind === 'local' ? window.localStorage : window.sessionStorage
  } catch {
    return null
  }
}

function readStored(storage: Storage | null): Stored | null {
  const raw = storage?.getItem(STORAGE_KEY)
  if (!raw) return null
  try {
    const value: unknown = JSON.parse(raw)
    if (
      typeof value === 'object' &&
      value !== null &&
      'v' in value &&
      value.v === FORMAT_VERSION &&
      'key' in value &&
      typeof value.key === 'string' &&
      value.key !== '' &&
      'mode' in value &&
      (value.mode === 'live' || value.mode === 'demo')
    ) {
      return { v: FORMAT_VERSION, key: value.key, mode: value.mode }
    }
  } catch {
    // unreadable: treated as no key
  }
  storage?.removeItem(STORAGE_KEY)
  return null
}

function initialState(): KeyState {
  const local = readStored(safeStorage('local'))
  if (local) return { key: local.key, mode: local.mode, remember: true }
  const session = readStored(safeStorage('session'))
  if (session) return { key: session.key, mode: session.mode, remember: false }
  return { key: null, mode: 'live', remember: true }
}

const store = create<KeyState>()(() => initialState())

export const useApiKeyPresent = () => store((s) => s.key !== null)
export const useKeyMode = () => store((s) => s.mode)
/** The last four characters, for display ("…c0ff"). The full key is never rendered. */
export const useKeyHint = () => store((s) => (s.key && s.mode === 'live' ? s.key.slice(-4) : null))

/** Read at call time by the HTTP client, so a changed key applies to the next request. */
export const readApiKey = (): string | null => store.getState().key
export const readKeyMode = (): KeyMode => store.getState().mode

/** The user saved a verified key. */
export function submitApiKey(key: string, remember: boolean, mode: KeyMode = 'live'): void {
  const clean = key.trim()
  const record: Stored = { v: FORMAT_VERSION, key: clean, mode }
  const keep = safeStorage(remember ? 'local' : 'session')
  const drop = safeStorage(remember ? 'session' : 'local')
  drop?.removeItem(STORAGE_KEY)
  keep?.setItem(STORAGE_KEY, JSON.stringify(record))
  store.setState({ key: clean, mode, remember })
}

/** The user forgot the key (or left the demo): removed from memory and both storages. */
export function forgetApiKey(): void {
  safeStorage('local')?.removeItem(STORAGE_KEY)
  safeStorage('session')?.removeItem(STORAGE_KEY)
  store.setState({ key: null, mode: 'live', remember: true })
}

/** Tests only: re-read storage as a fresh page load would. */
export function reloadApiKeyFromStorage(): void {
  store.setState(initialState())
}
