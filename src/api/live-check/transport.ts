/**
 * The live check's transport: a `fetch` that (1) lets only reads through — GET, and the offer
 * search's POST to /api/v0/bundles/ — and refuses everything else before any byte leaves,
 * (2) resolves the client's same-origin paths against a base URL when there is no page origin
 * (Node), and (3) keeps each answer's status and body so the check can compare what Vast sent
 * with what the app's schemas know. It records no request header: the key never lands here.
 */

export type FetchFn = typeof fetch

export interface Exchange {
  method: string
  /** Pathname only (no query string, no origin). */
  path: string
  status: number
  contentType: string
  body: string
}

export interface Recorder {
  /** Every exchange, oldest first. */
  readonly exchanges: readonly Exchange[]
  /** The latest exchange whose path starts with `path`. */
  last(path: string, method?: string): Exchange | undefined
}

/** A request the live check must never send. */
export class WriteRefusedError extends Error {
  constructor(method: string, path: string) {
    super(`The live check refused to send ${method} ${path}: it only reads.`)
    this.name = 'WriteRefusedError'
  }
}

const SEARCH_PATH = '/api/v0/bundles/'

/** True for the requests the live check may send. */
export function isReadOnly(method: string, path: string): boolean {
  const verb = method.toUpperCase()
  return verb === 'GET' || (verb === 'POST' && path === SEARCH_PATH)
}

function requestParts(input: RequestInfo | URL, init: RequestInit | undefined) {
  if (input instanceof Request) return { url: input.url, method: init?.method ?? input.method }
  return { url: input instanceof URL ? input.href : input, method: init?.method ?? 'GET' }
}

/**
 * Wraps `inner`. `base` (e.g. https://console.vast.ai) is prefixed to paths that start with "/";
 * null leaves them to the environment (a page resolves them against its own origin).
 */
export function createTransport(
  inner: FetchFn,
  base: string | null,
): { fetch: FetchFn; recorder: Recorder } {
  const exchanges: Exchange[] = []
  const origin = base === null ? null : new URL(base)
  const wrapped: FetchFn = async (input, init) => {
    const { url, method } = requestParts(input, init)
    const target = origin && url.startsWith('/') ? new URL(url, origin).href : url
    const path = new URL(target, origin ?? 'http://localhost').pathname
    if (!isReadOnly(method, path)) throw new WriteRefusedError(method.toUpperCase(), path)
    const res = await inner(target, init)
    const body = await res
      .clone()
      .text()
      .catch(() => '')
    exchanges.push({
      method: method.toUpperCase(),
      path,
      status: res.status,
      contentType: res.headers.get('content-type') ?? '',
      body,
    })
    return res
  }
  return {
    fetch: wrapped,
    recorder: {
      exchanges,
      last: (path, method) =>
        exchanges.findLast((e) => e.path.startsWith(path) && (!method || e.method === method)),
    },
  }
}
