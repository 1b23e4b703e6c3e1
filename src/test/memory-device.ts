import type { AnswerStorage, KeptAnswer } from '../api/device-cache-store'

/**
 * The device's IndexedDB stand-in for answers kept between visits (jsdom has no IndexedDB):
 * records are kept as structured clones, as IndexedDB keeps them.
 */
export function memoryDevice() {
  const rows = new Map<string, KeptAnswer>()
  const storage: AnswerStorage = {
    read: (account) =>
      Promise.resolve(
        [...rows.values()].filter((r) => r.account === account).map((r) => structuredClone(r)),
      ),
    put: (record) => {
      rows.set(record.id, structuredClone(record))
      return Promise.resolve()
    },
    remove: (ids) => {
      for (const id of ids) rows.delete(id)
      return Promise.resolve()
    },
    keepOnly: (accounts) => {
      for (const [id, row] of rows) if (!accounts.includes(row.account)) rows.delete(id)
      return Promise.resolve()
    },
  }
  return { rows, storage, accounts: () => [...new Set([...rows.values()].map((r) => r.account))] }
}
