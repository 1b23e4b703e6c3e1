/**
 * Local price history, kept in IndexedDB (bounded to MAX_SNAPSHOTS snapshots, oldest dropped
 * first) and mirrored in memory for the page. Without IndexedDB (private modes, tests) the
 * history lasts for the page only. Nothing here is server state: it is what this browser saw.
 */
import { useSyncExternalStore } from 'react'
import type { Offer } from '../../api/offers/schemas'
import { MAX_SNAPSHOTS, parseSnapshots, snapshotOf, type Snapshot } from './price-stats'

const DB_NAME = 'vast-console.price-history'
const STORE = 'snapshots'

let snapshots: readonly Snapshot[] = []
let loading: Promise<void> | null = null
const listeners = new Set<() => void>()
const recorded = new WeakSet<object>()

function publish(next: readonly Snapshot[]) {
  snapshots = next
  listeners.forEach((listener) => listener())
}

function openDb(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null)
  return new Promise((resolve) => {
    const request = indexedDB.open(DB_NAME, 1)
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE, { autoIncrement: true })
    }
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => resolve(null)
    request.onblocked = () => resolve(null)
  })
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => resolve()
    tx.onabort = () => resolve()
  })
}

/** Replaces the stored history with `list` (import) or appends `added` and trims the oldest. */
async function persist(list: readonly Snapshot[], replace: boolean, added: Snapshot[] = []) {
  const db = await openDb()
  if (!db) return
  const tx = db.transaction(STORE, 'readwrite')
  const store = tx.objectStore(STORE)
  if (replace) {
    store.clear()
    for (const snap of list) store.add(snap)
  } else {
    for (const snap of added) store.add(snap)
    const count = store.count()
    count.onsuccess = () => {
      let extra = count.result - MAX_SNAPSHOTS
      if (extra <= 0) return
      const cursor = store.openCursor()
      cursor.onsuccess = () => {
        const c = cursor.result
        if (!c || extra <= 0) return
        c.delete()
        extra -= 1
        c.continue()
      }
    }
  }
  await done(tx)
  db.close()
}

/** Loads the stored history once per page. */
export function loadHistory(): Promise<void> {
  loading ??= (async () => {
    const db = await openDb()
    if (!db) return
    const tx = db.transaction(STORE, 'readonly')
    const request = tx.objectStore(STORE).getAll()
    await done(tx)
    db.close()
    const stored = parseSnapshots(request.result)
    // Searches recorded while loading come after the stored ones.
    publish([...stored, ...snapshots].slice(-MAX_SNAPSHOTS))
  })()
  return loading
}

/** Records one server answer (each result object once). */
export function recordSearch(result: object, offers: readonly Offer[], type: string): void {
  if (recorded.has(result) || offers.length === 0) return
  recorded.add(result)
  const snap = snapshotOf(offers, type, Date.now())
  publish([...snapshots, snap].slice(-MAX_SNAPSHOTS))
  void loadHistory().then(() => persist(snapshots, false, [snap]))
}

export function exportHistory(): string {
  return JSON.stringify({ format: 'vast-console.price-history', version: 1, snapshots }, null, 1)
}

/** Merges an export into the history; returns how many snapshots it added. */
export async function importHistory(text: string): Promise<number> {
  const incoming = parseSnapshots(JSON.parse(text))
  await loadHistory()
  const seen = new Set(snapshots.map((s) => `${s.at}|${s.type}`))
  const fresh = incoming.filter((s) => !seen.has(`${s.at}|${s.type}`))
  const merged = [...snapshots, ...fresh].sort((a, b) => a.at - b.at).slice(-MAX_SNAPSHOTS)
  publish(merged)
  await persist(merged, true)
  return fresh.length
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function usePriceHistory(): readonly Snapshot[] {
  return useSyncExternalStore(
    subscribe,
    () => snapshots,
    () => snapshots,
  )
}

/** Tests: forget the in-memory history. */
export function resetPriceHistory(): void {
  loading = null
  publish([])
}
