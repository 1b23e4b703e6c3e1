/**
 * The device's copy of past charges (IndexedDB, via `idb`): each fetched span of whole past days
 * is kept with its rows, per account, so a revisit fetches only the days not yet held. Today is
 * never kept (it is still being billed). Without IndexedDB everything is fetched.
 */
import type { DBSchema, IDBPDatabase } from 'idb'
import type { Charge } from '../../domain/spending/ledger'
import { addDays, missingSpans, type DayRange } from '../../domain/spending/range'
import { readActiveAccountId } from '../api-key-store'
import { fetchCharges, type ChargeLedger } from './endpoints'

interface SpanRecord {
  id: string
  account: string
  from: string
  to: string
  charges: Charge[]
  dropped: number
  savedAt: number
}

interface LedgerDb extends DBSchema {
  spans: { key: string; value: SpanRecord; indexes: { account: string } }
}

const DB_NAME = 'vast-console.charges'
let dbPromise: Promise<IDBPDatabase<LedgerDb> | null> | null = null

function openDb(): Promise<IDBPDatabase<LedgerDb> | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null)
  dbPromise ??= import('idb')
    .then(({ openDB }) =>
      openDB<LedgerDb>(DB_NAME, 1, {
        upgrade(db) {
          db.createObjectStore('spans', { keyPath: 'id' }).createIndex('account', 'account')
        },
      }),
    )
    .catch(() => null)
  return dbPromise
}

export interface LoadedLedger extends ChargeLedger {
  /** Days read from the device rather than fetched. */
  cachedDays: number
  fetchedSpans: DayRange[]
}

const spanDays = (s: DayRange) => {
  let n = 0
  for (let d = s.from; d <= s.to; d = addDays(d, 1)) n += 1
  return n
}

/**
 * Charges for `range`: held spans that lie wholly inside it are read from the device, the rest is
 * fetched (past days and today apart, so the past days can be kept).
 */
export async function loadCharges(
  range: DayRange,
  today: string,
  options: { signal?: AbortSignal; onPage?: (rows: number) => void } = {},
): Promise<LoadedLedger> {
  const account = readActiveAccountId() ?? 'default'
  const db = await openDb()
  const held = db
    ? (await db.getAllFromIndex('spans', 'account', account)).filter(
        (s) => s.from >= range.from && s.to <= range.to && s.to < today,
      )
    : []
  // Largest first, never two that overlap.
  held.sort((a, b) => spanDays(b) - spanDays(a))
  const used: SpanRecord[] = []
  const days = new Set<string>()
  for (const span of held) {
    let clash = false
    for (let d = span.from; d <= span.to; d = addDays(d, 1)) if (days.has(d)) clash = true
    if (clash) continue
    used.push(span)
    for (let d = span.from; d <= span.to; d = addDays(d, 1)) days.add(d)
  }
  const wanted: DayRange[] = []
  for (const gap of missingSpans(range, days)) {
    if (gap.from < today && gap.to >= today) {
      wanted.push({ from: gap.from, to: addDays(today, -1) }, { from: today, to: gap.to })
    } else wanted.push(gap)
  }
  const charges = used.flatMap((s) => s.charges)
  let dropped = used.reduce((n, s) => n + s.dropped, 0)
  let pages = 0
  let truncated = false
  for (const span of wanted) {
    const base = charges.length
    const got = await fetchCharges(span, {
      signal: options.signal,
      onPage: (rows) => options.onPage?.(base + rows),
    })
    charges.push(...got.charges)
    dropped += got.dropped
    pages += got.pages
    truncated ||= got.truncated
    if (db && span.to < today && !got.truncated) {
      await db
        .put('spans', {
          id: `${account}:${span.from}:${span.to}`,
          account,
          ...span,
          charges: got.charges,
          dropped: got.dropped,
          savedAt: Date.now(),
        })
        .catch(() => undefined)
    }
  }
  return { charges, dropped, pages, truncated, cachedDays: days.size, fetchedSpans: wanted }
}

/** Forgets every held span (all accounts). */
export async function clearChargeCache(): Promise<void> {
  const db = await openDb()
  await db?.clear('spans')
}
