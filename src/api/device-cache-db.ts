/**
 * Where kept answers live: one IndexedDB store, one record per (account, query), indexed by
 * account. Values are read back as `unknown` and checked by `device-cache-store.ts`. Without
 * IndexedDB (blocked, private mode) nothing is kept.
 */
import { openDB, type DBSchema } from 'idb'
import type { AnswerStorage } from './device-cache-store'

interface AnswersDb extends DBSchema {
  answers: { key: string; value: unknown; indexes: { account: string } }
}

const DB_NAME = 'vast-console.answers'

export function idbAnswerStorage(): AnswerStorage | null {
  if (typeof indexedDB === 'undefined') return null
  const db = openDB<AnswersDb>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore('answers', { keyPath: 'id' }).createIndex('account', 'account')
    },
  })
  // A blocked or failing database keeps nothing; every call below then fails quietly.
  db.catch(() => undefined)
  return {
    read: async (account) => (await db).getAllFromIndex('answers', 'account', account),
    put: async (record) => {
      await (await db).put('answers', record)
    },
    remove: async (ids) => {
      const tx = (await db).transaction('answers', 'readwrite')
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done])
    },
    keepOnly: async (accounts) => {
      const tx = (await db).transaction('answers', 'readwrite')
      const keep = new Set(accounts)
      let cursor = await tx.store.index('account').openKeyCursor()
      while (cursor) {
        if (!keep.has(cursor.key)) await tx.store.delete(cursor.primaryKey)
        cursor = await cursor.continue()
      }
      await tx.done
    },
  }
}
