/**
 * The read-only check against Vast: one call per endpoint the app uses, through the app's own
 * client (pacing, errors) and schemas, each compared field by field with what Vast really sent.
 * Returns data; `format.ts` renders it (the terminal table; the app can render the same rows).
 * The per-endpoint definitions are in `endpoint-checks.ts`; this file runs them.
 */
import { bindTransport } from '../client'
import { isApiError } from '../errors'
import { accountNote, type Check, endpointChecks, type Result, Skip } from './endpoint-checks'
import { diffFields } from './fields'
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
  const rows: LiveCheckRow[] = []
  for (const check of endpointChecks(signal, now)) rows.push(await runOne(check, recorder))
  return rows
}

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
