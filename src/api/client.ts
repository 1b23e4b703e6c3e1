/**
 * The one module that speaks HTTP. Same-origin paths only (the app's gateway forwards them to
 * Vast), the key only in the Authorization header, every response parsed at the boundary and
 * every failure turned into an ApiError.
 */
import * as z from 'zod/mini'
import { readApiKey } from './api-key-store'
import { ApiError, errorFromStatus, isAuthFailure, type ErrorBody } from './errors'
import { createPacer, type RouteKey } from './pacer'
import { errorBodySchema } from './parse'

export const pacer = createPacer()

const READ_TIMEOUT_MS = 30_000
const WRITE_TIMEOUT_MS = 60_000

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface RequestSpec<T> {
  route: RouteKey
  method: Method
  /** Path under the origin, starting with /api/v0/ or /api/v1/, with its trailing slash. */
  path: string
  query?: Record<string, string | number>
  body?: unknown
  schema: z.ZodMiniType<T>
  /** Send no key (public endpoints). */
  anonymous?: boolean
  /** Use this key instead of the stored one (verifying a key before saving it). */
  key?: string
  signal?: AbortSignal
}

/**
 * Per-request transports, keyed by the caller's AbortSignal: every request made with that signal
 * goes through `fetchFn` instead of the global fetch (the live check's read-only recorder), and
 * no other request does — so the app's own writes are never routed through it.
 */
const transports = new WeakMap<AbortSignal, typeof fetch>()

export function bindTransport(signal: AbortSignal, fetchFn: typeof fetch): void {
  transports.set(signal, fetchFn)
}

function buildUrl(path: string, query: Record<string, string | number> | undefined): string {
  if (!/^\/api\/v[01]\/.*\/$/.test(path)) throw new Error(`Bad API path: ${path}`)
  if (!query) return path
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) params.set(name, String(value))
  return `${path}?${params.toString()}`
}

async function readErrorBody(res: Response): Promise<ErrorBody> {
  const text = await res.text().catch(() => '')
  if (isJson(res)) {
    try {
      const parsed = z.safeParse(errorBodySchema, JSON.parse(text))
      if (parsed.success) {
        const { error, msg, message, detail } = parsed.data
        return { error, msg: msg ?? message ?? detail }
      }
    } catch {
      // fall through: treat as text
    }
  }
  return { text: text.slice(0, 2000) }
}

function isJson(res: Response): boolean {
  return /\bjson\b/i.test(res.headers.get('content-type') ?? '')
}

/** A read that drew a 429 waits out the backoff and tries again, at most this many times. */
export const MAX_RATE_LIMIT_RETRIES = 3

/**
 * Reads: GET, and the offer search (a POST that changes nothing). Reads get the read timeout,
 * and only reads are ever sent again, and only after a 429 (Vast did nothing). This client is
 * the one owner of 429 retries: it sees the 429, the pacer's backoff and whether the call is a
 * read. 5xx and network retries of queries are TanStack Query's, bounded and backed off
 * (app/query-client.ts). Writes are never resent.
 */
export const isRead = (spec: Pick<RequestSpec<unknown>, 'method' | 'route'>): boolean =>
  spec.method === 'GET' || spec.route === 'bundles'

export async function apiRequest<T>(spec: RequestSpec<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const result = await sendOnce(spec)
      pacer.succeeded(spec.route)
      return result
    } catch (error) {
      const again =
        isRead(spec) &&
        error instanceof ApiError &&
        error.kind === 'rate_limited' &&
        attempt < MAX_RATE_LIMIT_RETRIES &&
        !spec.signal?.aborted
      if (!again) throw error
    }
  }
}

async function sendOnce<T>(spec: RequestSpec<T>): Promise<T> {
  const url = buildUrl(spec.path, spec.query)
  const headers = new Headers({ accept: 'application/json' })
  const key = spec.key ?? readApiKey()
  if (!spec.anonymous) {
    if (!key) throw new ApiError('auth', 'No API key is set.')
    headers.set('authorization', `Bearer ${key}`)
  }
  let body: string | undefined
  if (spec.body !== undefined) {
    headers.set('content-type', 'application/json')
    body = JSON.stringify(spec.body)
  }
  spec.signal?.throwIfAborted()
  await pacer.acquire(spec.route)
  // A timer rather than AbortSignal.timeout, so that test clocks (Vitest's, Playwright's) move it.
  const timeout = new AbortController()
  const timer = setTimeout(
    () => timeout.abort(new DOMException('Vast did not answer in time.', 'TimeoutError')),
    isRead(spec) ? READ_TIMEOUT_MS : WRITE_TIMEOUT_MS,
  )
  const signal = spec.signal ? AbortSignal.any([spec.signal, timeout.signal]) : timeout.signal
  try {
    return await exchange(spec, url, { method: spec.method, headers, body, signal }, timeout.signal)
  } finally {
    clearTimeout(timer)
    pacer.answered(spec.route)
  }
}

/** One request and its answer, read and parsed. */
async function exchange<T>(
  spec: RequestSpec<T>,
  url: string,
  init: { method: Method; headers: Headers; body: string | undefined; signal: AbortSignal },
  timeout: AbortSignal,
): Promise<T> {
  let res: Response
  try {
    const send = (spec.signal && transports.get(spec.signal)) ?? fetch
    res = await send(url, { ...init, credentials: 'omit', redirect: 'manual' })
  } catch (cause) {
    if (spec.signal?.aborted) throw cause
    const timedOut = timeout.aborted
    throw new ApiError(
      'network',
      timedOut ? 'Vast did not answer in time.' : 'Could not reach Vast. Check your connection.',
      { cause },
    )
  }

  if (res.type === 'opaqueredirect') {
    throw new ApiError('server', 'Vast answered with an unexpected redirect.', { status: 301 })
  }
  if (!res.ok) {
    if (res.status === 429) pacer.penalize(spec.route)
    throw errorFromStatus(res.status, await readErrorBody(res))
  }
  const text = await res.text()
  if (!isJson(res)) {
    throw new ApiError('parse', 'Vast sent a response that is not JSON.', {
      status: res.status,
      detail: text.slice(0, 500),
    })
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (cause) {
    throw new ApiError('parse', 'Vast sent malformed JSON.', { status: res.status, cause })
  }
  if (typeof json === 'object' && json !== null && 'success' in json && json.success === false) {
    const parsed = z.safeParse(errorBodySchema, json)
    const error = parsed.success ? parsed.data.error : undefined
    const msg = parsed.success
      ? (parsed.data.msg ?? parsed.data.message ?? parsed.data.detail)
      : undefined
    const status = isAuthFailure(400, { error, msg }) ? 401 : 400
    throw errorFromStatus(status, { error, msg: msg ?? 'Vast reported a failure.' })
  }
  const parsed = z.safeParse(spec.schema, json)
  if (!parsed.success) {
    throw new ApiError('parse', 'Vast sent data in a shape this app does not understand.', {
      status: res.status,
      detail: z.prettifyError(parsed.error),
    })
  }
  return parsed.data
}
