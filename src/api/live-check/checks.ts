/**
 * The read-only check against Vast: one call per endpoint the app uses, through the app's own
 * client (pacing, errors) and schemas, each compared field by field with what Vast really sent.
 * Returns data; `format.ts` renders it (the terminal table; the app can render the same rows).
 */
import { apiRequest, bindTransport } from '../client'
import { fetchCharges } from '../charges/endpoints'
import { chargeRowSchema } from '../charges/schemas'
import { dayOf } from '../../domain/spending/range'
import { getAccount } from '../account/endpoints'
import { getInstance } from '../instances/endpoints'
import { getGpuNames, searchOffers } from '../offers/endpoints'
import { isApiError } from '../errors'
import type { OfferType } from '../offers/bundles-query'
import { accountSchema } from '../account/schemas'
import { instanceSchema, instancesPageSchema } from '../instances/schemas'
import { gpuNamesSchema, offerSchema } from '../offers/schemas'
import { parseRows } from '../parse'
import { listSshKeys } from '../ssh-keys/endpoints'
import { searchTemplates } from '../templates/endpoints'
import { templateSchema } from '../templates/schemas'
import { diffFields, schemaKeys } from './fields'
import type { Exchange, Recorder } from './transport'

export type Outcome = 'ok' | 'parse_failure' | 'failed' | 'skipped'

export interface LiveCheckRow {
  /** "GET /api/v0/users/current/" and the like, with what was asked when it matters. */
  endpoint: string
  /** HTTP status of the answer; null when nothing was sent. */
  status: number | null
  /** Rows (or objects) the app's schema read, and rows it had to leave out. */
  parsed: number | null
  dropped: number | null
  /** Fields the schema expected but Vast did not send. */
  missing: string[]
  /** Fields Vast sent that the app does not know. */
  unknown: string[]
  outcome: Outcome
  /** Vast's or the app's message for a failure, or a remark. Never a value from the account. */
  note: string
}

interface Result {
  parsed: number
  dropped: number
  note?: string
}

interface Check {
  endpoint: string
  method: 'GET' | 'POST'
  path: string
  expected: readonly string[]
  alsoKnown?: readonly string[]
  /** The rows (or the one object) of a raw answer, as sent. */
  rowsOf: (json: unknown) => unknown[]
  run: () => Promise<Result>
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const field = (json: unknown, key: string): unknown => (isRecord(json) ? json[key] : undefined)

/** A list under `key`, also when Vast sends it as a JSON string. */
function listAt(json: unknown, key: string): unknown[] {
  let value = field(json, key)
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      return []
    }
  }
  return Array.isArray(value) ? value : []
}

const single = (json: unknown): unknown[] => (isRecord(json) ? [json] : [])

/** A bare array (docs) or one under `key` (CLI). */
function arrayOr(json: unknown, key: string): unknown[] {
  if (!Array.isArray(json)) return listAt(json, key)
  const rows: unknown[] = json
  return rows
}

const OFFER_TYPES: readonly OfferType[] = ['on-demand', 'bid', 'reserved']

/** The smallest useful search: five verified, rentable offers by score. */
function offerCheck(type: OfferType, signal: AbortSignal): Check {
  return {
    endpoint: `POST /api/v0/bundles/ (type ${type})`,
    method: 'POST',
    path: '/api/v0/bundles/',
    expected: schemaKeys(offerSchema),
    rowsOf: (json) => listAt(json, 'offers'),
    run: async () => {
      const { offers, dropped } = await searchOffers(
        {
          filters: { verified: { eq: true }, rentable: { eq: true } },
          order: [['score', 'desc']],
          type,
          limit: 5,
          allocatedStorage: 10,
        },
        signal,
      )
      return { parsed: offers.length, dropped }
    },
  }
}

function accountNote(json: unknown): string {
  const has = (key: string) => isRecord(json) && typeof json[key] === 'number'
  const sent = ['credit', 'balance'].filter(has)
  return sent.length > 0 ? `sent: ${sent.join(', ')}` : 'neither credit nor balance sent'
}

export interface LiveCheckOptions {
  recorder: Recorder
  /** The read-only transport: every call of the check (and only those) goes through it. */
  transport: typeof fetch
  /** Clock for the charges' day range (ms since epoch). */
  now?: () => number
}

/** Runs every check in turn (paced by the app's client) and answers one row per call. */
export async function runLiveCheck({
  recorder,
  transport,
  now = Date.now,
}: LiveCheckOptions): Promise<LiveCheckRow[]> {
  // The check's own signal carries its transport (client.ts bindTransport).
  const signal = new AbortController().signal
  bindTransport(signal, transport)
  let firstInstanceId: number | null = null
  const checks: Check[] = [
    {
      endpoint: 'GET /api/v0/users/current/',
      method: 'GET',
      path: '/api/v0/users/current/',
      expected: schemaKeys(accountSchema),
      // The key Vast echoes is known: the schema drops it on purpose.
      alsoKnown: ['api_key'],
      rowsOf: single,
      run: async () => {
        await getAccount({ signal })
        return { parsed: 1, dropped: 0 }
      },
    },
    {
      endpoint: 'GET /api/v0/gpu_names/unique/',
      method: 'GET',
      path: '/api/v0/gpu_names/unique/',
      expected: schemaKeys(gpuNamesSchema),
      rowsOf: single,
      run: async () => ({ parsed: (await getGpuNames(signal)).length, dropped: 0 }),
    },
    ...OFFER_TYPES.map((type) => offerCheck(type, signal)),
    {
      endpoint: 'GET /api/v1/instances/ (first page)',
      method: 'GET',
      path: '/api/v1/instances/',
      expected: schemaKeys(instanceSchema),
      rowsOf: (json) => listAt(json, 'instances'),
      run: async () => {
        const page = await apiRequest({
          route: 'instances-list',
          method: 'GET',
          path: '/api/v1/instances/',
          query: { limit: 25 },
          schema: instancesPageSchema,
          signal,
        })
        const { rows, dropped } = parseRows(instanceSchema, page.instances)
        firstInstanceId = rows[0]?.id ?? null
        return { parsed: rows.length, dropped }
      },
    },
    {
      endpoint: 'GET /api/v0/instances/{id}/',
      method: 'GET',
      path: '/api/v0/instances/',
      expected: schemaKeys(instanceSchema),
      rowsOf: (json) => single(field(json, 'instances')),
      run: async () => {
        if (firstInstanceId === null) throw new Skip('no instance on this account')
        const instance = await getInstance(firstInstanceId, signal)
        return instance
          ? { parsed: 1, dropped: 0 }
          : { parsed: 0, dropped: 0, note: 'Vast answered no instance for that id' }
      },
    },
    {
      endpoint: 'GET /api/v0/ssh/',
      method: 'GET',
      path: '/api/v0/ssh/',
      // A row names its key `key` (docs), `ssh_key` (CLI tests) or `public_key` (create answer).
      expected: ['id', 'created_at'],
      alsoKnown: ['key', 'ssh_key', 'public_key', 'deleted_at'],
      rowsOf: (json) => arrayOr(json, 'ssh_keys'),
      run: async () => {
        const { keys, dropped } = await listSshKeys(signal)
        return { parsed: keys.length, dropped }
      },
    },
    {
      endpoint: 'GET /api/v0/template/ (recommended)',
      method: 'GET',
      path: '/api/v0/template/',
      expected: schemaKeys(templateSchema),
      rowsOf: (json) => listAt(json, 'templates'),
      run: async () => {
        const { templates, dropped } = await searchTemplates({ scope: 'recommended', signal })
        return { parsed: templates.length, dropped }
      },
    },
    {
      endpoint: 'GET /api/v0/charges/ (last day)',
      method: 'GET',
      path: '/api/v0/charges/',
      expected: schemaKeys(chargeRowSchema),
      rowsOf: (json) => listAt(json, 'results'),
      run: async () => {
        const nowS = Math.floor(now() / 1000)
        const range = { from: dayOf(nowS - 86_400), to: dayOf(nowS) }
        const { charges, dropped } = await fetchCharges(range, { signal })
        return { parsed: charges.length, dropped }
      },
    },
  ]

  const rows: LiveCheckRow[] = []
  for (const check of checks) rows.push(await runOne(check, recorder))
  return rows
}

class Skip extends Error {}

function parseJson(exchange: Exchange | undefined): unknown {
  if (!exchange || !/\bjson\b/i.test(exchange.contentType)) return undefined
  try {
    return JSON.parse(exchange.body)
  } catch {
    return undefined
  }
}

async function runOne(check: Check, recorder: Recorder): Promise<LiveCheckRow> {
  const before = recorder.exchanges.length
  const base = { endpoint: check.endpoint, missing: [], unknown: [] }
  let result: Result
  try {
    result = await check.run()
  } catch (error) {
    const exchange = recorder.exchanges.slice(before).findLast((e) => e.path.startsWith(check.path))
    if (error instanceof Skip)
      return {
        ...base,
        status: null,
        parsed: null,
        dropped: null,
        outcome: 'skipped',
        note: error.message,
      }
    const parse = isApiError(error) && error.kind === 'parse'
    const message = error instanceof Error ? error.message : String(error)
    const code = isApiError(error) && error.code ? ` [${error.code}]` : ''
    const diff = parse ? fieldsOf(check, exchange) : { missing: [], unknown: [] }
    return {
      ...base,
      ...diff,
      status: exchange?.status ?? null,
      parsed: null,
      dropped: null,
      outcome: parse ? 'parse_failure' : 'failed',
      note: `${message}${code}`,
    }
  }
  const exchange = recorder.exchanges
    .slice(before)
    .findLast((e) => e.path.startsWith(check.path) && e.method === check.method)
  const notes = [
    result.note,
    check.path === '/api/v0/users/current/' ? accountNote(parseJson(exchange)) : undefined,
  ]
  if (result.dropped > 0) notes.unshift(`${result.dropped} row(s) did not fit the schema`)
  return {
    ...base,
    ...fieldsOf(check, exchange),
    status: exchange?.status ?? null,
    parsed: result.parsed,
    dropped: result.dropped,
    outcome: result.dropped > 0 ? 'parse_failure' : 'ok',
    note: notes.filter((n) => n !== undefined && n !== '').join('; '),
  }
}

function fieldsOf(check: Check, exchange: Exchange | undefined) {
  const json = parseJson(exchange)
  if (json === undefined) return { missing: [], unknown: [] }
  return diffFields(check.expected, check.rowsOf(json), check.alsoKnown)
}

/** 0 when every call worked, 1 when something did not fit the app's schemas, 3 when a call failed. */
export function exitCodeOf(rows: readonly LiveCheckRow[]): number {
  if (rows.some((r) => r.outcome === 'parse_failure')) return 1
  if (rows.some((r) => r.outcome === 'failed')) return 3
  return 0
}
