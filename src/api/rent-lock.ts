/**
 * One rental of an offer in flight per browser, across tabs: a lock per offer in localStorage
 * (shared by every tab of the origin), taken before the request leaves and released when its
 * answer (or its failure) is in. A lock left by a closed tab expires on its own.
 */

const PREFIX = 'vast-console.rent-lock.'
/** Longer than the slowest rent can take: pacing (4.5 s) plus the write timeout (60 s). */
export const RENT_LOCK_TTL_MS = 120_000

interface Held {
  owner: string
  until: number
}

function storage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

function read(store: Storage, key: string): Held | null {
  const raw = store.getItem(key)
  if (!raw) return null
  try {
    const value: unknown = JSON.parse(raw)
    if (
      typeof value === 'object' &&
      value !== null &&
      'owner' in value &&
      'until' in value &&
      typeof value.owner === 'string' &&
      typeof value.until === 'number'
    ) {
      return { owner: value.owner, until: value.until }
    }
  } catch {
    // unreadable: treated as free
  }
  return null
}

/**
 * Takes the lock for `offerId`. Returns its release function, or null when a rental of this
 * offer is already in flight (in this tab or another one).
 */
export function acquireRentLock(offerId: number, now = Date.now()): (() => void) | null {
  const store = storage()
  if (!store) return () => undefined // no shared storage: nothing to coordinate with
  const key = `${PREFIX}${offerId}`
  const held = read(store, key)
  if (held && held.until > now) return null
  const owner = globalThis.crypto.randomUUID()
  store.setItem(key, JSON.stringify({ owner, until: now + RENT_LOCK_TTL_MS }))
  // Two tabs writing in the same instant: the last write wins, and only its writer goes on.
  if (read(store, key)?.owner !== owner) return null
  return () => {
    if (read(store, key)?.owner === owner) store.removeItem(key)
  }
}
