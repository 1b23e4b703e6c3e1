// @ts-check
// Instance logs: Vast's `request_logs` answers a pre-signed `result_url` on S3, which the browser
// cannot fetch cross-origin. `GET /api/logs/?url=<result_url>` fetches it here, but ONLY under the
// configured prefixes (VAST_LOG_URL_PREFIX, comma-separated; default Vast's two S3 log folders):
// never an open proxy. No request header is forwarded (the URL is pre-signed; the API key never
// goes to S3), redirects are not followed, and the answer is capped in size (read no further
// than the cap) and time.
import { crossSiteReason } from './guard.mjs'
import { readCapped, sendError } from './http.mjs'

export const LOG_PATH = '/api/logs/'
/**
 * Vast's CLI GETs whatever `result_url` the API answers (vast.py `logs`, vastai/api/instances.py
 * `_poll_result_url`); the reference's examples sit under `vast.ai/instance_logs/`, and log URLs
 * under `public.vast.ai/instance_logs/` are served too.
 */
export const DEFAULT_LOG_URL_PREFIXES = [
  'https://s3.amazonaws.com/vast.ai/instance_logs/',
  'https://s3.amazonaws.com/public.vast.ai/instance_logs/',
]
const TIMEOUT_MS = 20_000
export const MAX_LOG_BYTES = 8_000_000

/**
 * @param {string | undefined} value one prefix, or several separated by commas
 * @returns {string[]}
 */
export function logPrefixesFrom(value) {
  const raw = (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
  return (raw.length > 0 ? raw : DEFAULT_LOG_URL_PREFIXES).map((prefix) => {
    const url = new URL(prefix)
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new Error(`VAST_LOG_URL_PREFIX must be http(s) URLs, got ${url.protocol}`)
    if (!url.pathname.endsWith('/'))
      throw new Error('Each VAST_LOG_URL_PREFIX must end with a slash')
    return url.href
  })
}

/**
 * The target when `raw` is a plain URL under one of `prefixes` (same origin, path inside the
 * folder, no credentials, no dot segments left after parsing); else null.
 * @param {string | null} raw
 * @param {readonly string[]} prefixes
 * @returns {URL | null}
 */
export function allowedLogUrl(raw, prefixes) {
  if (!raw || raw.length > 2048) return null
  let url
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.username || url.password || url.hash) return null
  const inside = prefixes.some((prefix) => {
    const base = new URL(prefix)
    if (url.origin !== base.origin) return false
    if (!url.pathname.startsWith(base.pathname) || url.pathname === base.pathname) return false
    // Encoded slashes or dots could step outside the folder on some servers.
    return !/%2f|%5c|%2e/i.test(url.pathname.slice(base.pathname.length))
  })
  return inside ? url : null
}

/**
 * @param {readonly string[]} prefixes from logPrefixesFrom()
 * @param {typeof fetch} [fetchImpl]
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<boolean>}
 */
export function createLogProxy(prefixes, fetchImpl = fetch) {
  return async (req, res) => {
    const requestUrl = new URL(req.url ?? '/', 'http://local')
    if (requestUrl.pathname !== LOG_PATH) return false
    const crossSite = crossSiteReason(req.headers)
    if (crossSite) {
      sendError(res, 403, 'cross_site', crossSite)
      return true
    }
    if (req.method !== 'GET') {
      sendError(res, 405, 'method_not_allowed', 'Logs are read with GET.')
      return true
    }
    const target = allowedLogUrl(requestUrl.searchParams.get('url'), prefixes)
    if (!target) {
      sendError(res, 400, 'url_not_allowed', 'Only Vast log URLs can be fetched.')
      return true
    }
    const signal = AbortSignal.timeout(TIMEOUT_MS)
    let upstream
    let body
    try {
      upstream = await fetchImpl(target, { method: 'GET', redirect: 'manual', signal })
      // S3 answers 403/404 until the log file has been written: "not ready yet".
      body = upstream.ok ? await readCapped(upstream, MAX_LOG_BYTES) : null
    } catch {
      if (signal.aborted) sendError(res, 504, 'log_timeout', 'The log host did not answer in time.')
      else sendError(res, 502, 'log_unreachable', 'The log host did not answer.')
      return true
    }
    if (upstream.status === 403 || upstream.status === 404) {
      sendError(res, 404, 'not_ready', 'The log is not ready yet.')
      return true
    }
    if (!upstream.ok) {
      sendError(res, 502, 'log_error', `The log host answered ${upstream.status}.`)
      return true
    }
    if (body === null) {
      sendError(res, 502, 'log_too_large', 'The log is too large; ask for fewer lines.')
      return true
    }
    res.writeHead(200, {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    })
    res.end(body)
    return true
  }
}
