/**
 * The one IndexedDB database of market memory, opened through `idb`. Version 1 held only the
 * price-history snapshots; version 2 adds machines, models and boots beside them, so the
 * snapshots recorded before carry over. Without IndexedDB (private modes, tests) every caller
 * gets null and the memory lasts for the page only.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { BootRecord, MachineMemory, ModelMemory } from '../../domain/market/machine-memory'

export const DB_NAME = 'vast-console.price-history'
const VERSION = 2

interface MemoryDb extends DBSchema {
  /** Price-history snapshots (parsed on load: version 1 rows are stored as they were). */
  snapshots: { key: number; value: unknown }
  machines: { key: number; value: MachineMemory; indexes: { lastSeen: number } }
  models: { key: string; value: ModelMemory }
  boots: { key: number; value: BootRecord; indexes: { at: number } }
}

export type MemoryDatabase = IDBPDatabase<MemoryDb>

let opening: Promise<MemoryDatabase | null> | null = null

/** The database, opened once per page; null when the browser offers none. */
export function memoryDb(): Promise<MemoryDatabase | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null)
  opening ??= openDB<MemoryDb>(DB_NAME, VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) db.createObjectStore('snapshots', { autoIncrement: true })
      if (oldVersion < 2) {
        db.createObjectStore('machines', { keyPath: 'machineId' }).createIndex(
          'lastSeen',
          'lastSeen',
        )
        db.createObjectStore('models', { keyPath: 'key' })
        db.createObjectStore('boots', { keyPath: 'instanceId' }).createIndex('at', 'at')
      }
    },
    blocking() {
      // A newer tab wants to upgrade: step aside, the next call reopens.
      void opening?.then((db) => db?.close())
      opening = null
    },
  }).catch(() => null)
  return opening
}

/** Deletes the `extra` oldest rows of an indexed store, oldest first. */
export async function dropOldest(
  db: MemoryDatabase,
  store: 'machines' | 'boots',
  extra: number,
): Promise<void> {
  if (extra <= 0) return
  const tx = db.transaction(store, 'readwrite')
  // Each store indexes its time field (idb types each index per store).
  let cursor =
    store === 'machines'
      ? await tx.objectStore('machines').index('lastSeen').openCursor()
      : await tx.objectStore('boots').index('at').openCursor()
  for (let left = extra; cursor && left > 0; left -= 1) {
    await cursor.delete()
    cursor = await cursor.continue()
  }
  await tx.done
}
