/**
 * Local price history, kept in the market memory's IndexedDB database (memory-db.ts), bounded to
 * MAX_SNAPSHOTS snapshots (oldest dropped first) and mirrored in memory for the page. Without IndexedDB (private modes, tests) the
 * history lasts for the page only. Nothing here is server state: it is what this browser saw.
 */
import { useSyncExternalStore } from 'react'
import type { Offer } from '../../api/offers/schemas'
import { memoryDb } from '../market/memory-db'
import { MAX_SNAPSHOTS, parseSnapshots, snapshotOf, type Snapshot } from './price-stats'

let snapshots: readonly Snapshot[] = []
let loading: Promise<void> | null = null
const listeners = new Set<() => void>()
const recorded = new WeakSet<object>()

function publish(next: readonly Snapshot[]) {
  snapshots = next
  listeners.forEach((listener) => listener())
}

/** Replaces the stored history with `list` (import) or appends `added` and trims the oldest. */
async function persist(list: readonly Snapshot[], replace: boolean, added: Snapshot[] = []) {
  const db = await memoryDb()
  if (!db) return
  const tx = db.transaction('snapshots', 'readwrite')
  if (replace) {
    await tx.store.clear()
    for (const snap of list) await tx.store.add(snap)
  } else {
    for (const snap of added) await tx.store.add(snap)
    let extra = (await tx.store.count()) - MAX_SNAPSHOTS
    let cursor = extra > 0 ? await tx.store.openCursor() : null
    for (; cursor && extra > 0; extra -= 1) {
      await cursor.delete()
      cursor = await cursor.continue()
    }
  }
  await tx.done
}

/** Loads the stored history once per page. */
export function loadHistory(): Promise<void> {
  loading ??= (async () => {
    const db = await memoryDb()
    if (!db) return
    const stored = parseSnapshots(await db.getAll('snapshots').catch(() => []))
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

/** The snapshots as they stand (the whole-memory export includes them). */
export const currentSnapshots = (): readonly Snapshot[] => snapshots

/** Merges parsed JSON (an export, or its `snapshots` list); returns how many snapshots it added. */
export async function mergeSnapshots(value: unknown): Promise<number> {
  const incoming = parseSnapshots(value)
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
