/**
 * Keeps the answers a returning user wants to see at once — the instance list and the last few
 * offer searches — on this device, per account whose key is remembered here, and puts them back
 * in the query cache at the next visit (marked as restored: see `device-cache.ts`). Loaded as its
 * own chunk, only once a remembered key exists.
 *
 * What is kept: the answer's data and the time it was fetched, under the account's id (offer
 * searches of up to OFFER_ROWS_KEPT_MAX rows). Never the key (query keys never hold it), nothing
 * from `users/current`, and no instance field that may carry a secret (tokens, environment,
 * start scripts). Written a second after an answer lands,
 * in idle time; read once per account at start or when the active account changes; dropped for
 * an account when its key is removed, forgotten or refused.
 */
import { hashKey, hydrate, type QueryClient, type QueryKey } from '@tanstack/react-query'
import { readActiveAccountId, readDeviceAccountIds } from './api-key-store'
import { markRestored, restoredAt } from './device-cache'
import { linkDeviceCache } from './device-cache-link'
import { instanceQueries } from './instances/queries'
import { offerQueries } from './offers/queries'

/**
 * The shape of kept data follows the code that parsed it: a build whose API layer or offer
 * search changed reads none of the previous build's answers (the build sets this from a hash of
 * those files; tests and `vite dev` use "dev").
 */
const ENV_FORMAT: unknown = import.meta.env.VITE_DATA_FORMAT
export const DATA_FORMAT = `1:${typeof ENV_FORMAT === 'string' ? ENV_FORMAT : 'dev'}`
/** Older answers are not shown again. */
export const KEPT_FOR_MS = 7 * 86_400_000
/** Offer searches kept per account (the newest). */
export const OFFER_SEARCHES_KEPT = 3
/**
 * Larger searches are not kept: writing 5,000 offers takes the main thread for tens of
 * milliseconds (the structured clone), and reading them back would cost the reopen its budget.
 */
export const OFFER_ROWS_KEPT_MAX = 1_000
/** An answer is written this long after it lands (then in idle time). */
export const WRITE_DELAY_MS = 1_000
/** Instance fields never written to the device. */
const SECRET_FIELD = /key|token|secret|passw|env|onstart|cookie|auth/i

/** Where kept answers live (`device-cache-db.ts`: IndexedDB; tests use one in memory). */
export interface AnswerStorage {
  /** Every record kept for one account. */
  read(account: string): Promise<unknown[]>
  put(record: KeptAnswer): Promise<void>
  remove(ids: readonly string[]): Promise<void>
  /** Deletes every record of an account not in `accounts` (without reading the records). */
  keepOnly(accounts: readonly string[]): Promise<void>
}

export interface KeptAnswer {
  id: string
  account: string
  format: string
  savedAt: number
  queryKey: QueryKey
  queryHash: string
  dataUpdatedAt: number
  data: unknown
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

function isKeptAnswer(value: unknown): value is KeptAnswer {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.account === 'string' &&
    value.format === DATA_FORMAT &&
    typeof value.savedAt === 'number' &&
    Array.isArray(value.queryKey) &&
    typeof value.queryHash === 'string' &&
    typeof value.dataUpdatedAt === 'number' &&
    value.data !== undefined
  )
}

const INSTANCE_LIST_HASH = hashKey(instanceQueries.list().queryKey)
const OFFERS = offerQueries.all()[0]

function kindOf(queryKey: QueryKey): 'instances' | 'offers' | null {
  if (hashKey(queryKey) === INSTANCE_LIST_HASH) return 'instances'
  return queryKey[0] === OFFERS && queryKey[1] === 'search' ? 'offers' : null
}

const withoutSecrets = (row: unknown): unknown =>
  isRecord(row)
    ? Object.fromEntries(Object.entries(row).filter(([field]) => !SECRET_FIELD.test(field)))
    : row

/** The data written for one answer of `account`, or null when it is not worth keeping. */
export function keptData(queryKey: QueryKey, data: unknown, account: string): unknown {
  if (!isRecord(data)) return null
  switch (kindOf(queryKey)) {
    case 'instances':
      // The list says whose it is; a list of another account is never written under this one.
      if (data.account !== account || !Array.isArray(data.instances)) return null
      return { ...data, instances: data.instances.map(withoutSecrets) }
    case 'offers':
      // Answers narrowed from other rows are not new; the server's are kept.
      return data.local === false &&
        Array.isArray(data.offers) &&
        data.offers.length <= OFFER_ROWS_KEPT_MAX
        ? data
        : null
    default:
      return null
  }
}

const idOf = (account: string, queryHash: string) => `${account}|${queryHash}`
const isDeviceAccount = (account: string | null): account is string =>
  account !== null && readDeviceAccountIds().includes(account)

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2_000 })
  else setTimeout(run, 0)
}

export interface DeviceCache {
  /** Settles once the active account's kept answers are in the cache (or there were none). */
  restored: Promise<void>
  /** Writes what is due now (tests; the page also does on hide). */
  flush(): Promise<void>
  stop(): void
}

/**
 * Restores the active account's kept answers into `client`, then keeps its answers as they land.
 * `client`'s key-change subscription (`key-change.ts`) drives account switches and removals.
 */
export function startDeviceCache(
  client: QueryClient,
  storage: AnswerStorage,
  now: () => number = Date.now,
): DeviceCache {
  /** Per query hash: the `dataUpdatedAt` of the answer last written (or restored). */
  const written = new Map<string, number>()
  /** The active account's kept offer searches: id → savedAt. */
  let offerIds = new Map<string, number>()
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopped = false

  const quietly = (work: Promise<unknown>) =>
    work.then(
      () => undefined,
      () => undefined,
    )

  async function restore(account: string): Promise<void> {
    written.clear()
    offerIds = new Map()
    const records = await Promise.resolve(account)
      .then((id) => storage.read(id))
      .catch((): unknown[] => [])
    // Switched again, or forgotten, while the device answered.
    if (stopped || readActiveAccountId() !== account || !isDeviceAccount(account)) return
    const at = now()
    const queries = []
    for (const record of records) {
      if (!isKeptAnswer(record) || record.account !== account) continue
      const kind = kindOf(record.queryKey)
      if (kind === null || at - record.dataUpdatedAt > KEPT_FOR_MS) continue
      if (kind === 'offers') offerIds.set(record.id, record.savedAt)
      written.set(record.queryHash, record.dataUpdatedAt)
      // A fresh answer that landed first wins.
      if (client.getQueryState(record.queryKey)?.data !== undefined) continue
      markRestored(client, record.queryHash, record.dataUpdatedAt)
      queries.push({
        queryKey: record.queryKey,
        queryHash: record.queryHash,
        dehydratedAt: record.savedAt,
        state: {
          data: record.data,
          dataUpdateCount: 1,
          dataUpdatedAt: record.dataUpdatedAt,
          error: null,
          errorUpdateCount: 0,
          errorUpdatedAt: 0,
          fetchFailureCount: 0,
          fetchFailureReason: null,
          fetchMeta: null,
          // Stale at once: every reader asks Vast again, and the instance list's next fetch is
          // a full one (never a subset merged into an old list).
          isInvalidated: true,
          status: 'success' as const,
          fetchStatus: 'idle' as const,
        },
      })
    }
    hydrate(client, { queries, mutations: [] })
  }

  async function write(): Promise<void> {
    timer = null
    const account = readActiveAccountId()
    if (stopped || !isDeviceAccount(account)) return
    const savedAt = now()
    const puts: Promise<unknown>[] = []
    for (const query of client.getQueryCache().getAll()) {
      const { data, dataUpdatedAt, status } = query.state
      if (status !== 'success' || written.get(query.queryHash) === dataUpdatedAt) continue
      if (restoredAt(client, query.queryKey) !== null) continue
      const kept = keptData(query.queryKey, data, account)
      if (kept === null) continue
      const id = idOf(account, query.queryHash)
      written.set(query.queryHash, dataUpdatedAt)
      if (kindOf(query.queryKey) === 'offers') offerIds.set(id, savedAt)
      const record: KeptAnswer = {
        id,
        account,
        format: DATA_FORMAT,
        savedAt,
        queryKey: query.queryKey,
        queryHash: query.queryHash,
        dataUpdatedAt,
        data: kept,
      }
      puts.push(storage.put(record))
    }
    const old = [...offerIds].sort((a, b) => b[1] - a[1]).slice(OFFER_SEARCHES_KEPT)
    for (const [id] of old) offerIds.delete(id)
    if (old.length > 0) puts.push(storage.remove(old.map(([id]) => id)))
    await quietly(Promise.all(puts))
  }

  const schedule = () => {
    if (timer !== null || stopped) return
    timer = setTimeout(() => whenIdle(() => void write()), WRITE_DELAY_MS)
  }

  const unsubscribe = client.getQueryCache().subscribe((event) => {
    // Which answers are worth keeping is decided when writing.
    if (event.type === 'updated' && event.action.type === 'success') schedule()
  })
  const onHide = () => {
    if (document.visibilityState !== 'hidden' || timer === null) return
    clearTimeout(timer)
    void write()
  }
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onHide)

  const dropAccount = (account: string | null) => {
    if (account === null) return
    void quietly(storage.keepOnly(readDeviceAccountIds().filter((id) => id !== account)))
  }
  const unlink = linkDeviceCache(client, {
    activeKeyChanged() {
      if (timer !== null) clearTimeout(timer)
      timer = null
      const account = readActiveAccountId()
      if (isDeviceAccount(account)) void restore(account)
    },
    keepOnly(accounts) {
      void quietly(storage.keepOnly(accounts))
    },
    dropActive() {
      dropAccount(readActiveAccountId())
    },
  })

  // Accounts forgotten while the app was closed (a cleared site storage) leave nothing behind.
  void quietly(storage.keepOnly(readDeviceAccountIds()))
  const account = readActiveAccountId()
  const restored = isDeviceAccount(account) ? restore(account) : Promise.resolve()
  // Answers that landed before this chunk did (the first search of a new key) are kept too.
  void restored.then(schedule)

  return {
    restored,
    async flush() {
      if (timer !== null) clearTimeout(timer)
      await write()
    },
    stop() {
      stopped = true
      if (timer !== null) clearTimeout(timer)
      unsubscribe()
      unlink()
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onHide)
    },
  }
}
