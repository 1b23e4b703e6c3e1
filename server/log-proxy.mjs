// @ts-check
// Instance logs: Vast's `request_logs` answers a pre-signed `result_url` on S3, which the browser
// cannot fetch cross-origin. `GET /api/logs/?url=<result_url>` fetches it here, but ONLY under one
// configured prefix (VAST_LOG_URL_PREFIX, default Vast's S3 log folder): never an open proxy. No
// request header is forwarded (the URL is pre-signed; the API key never goes to S3), redirects
// are not followed, and the answer is capped in size and time.

export const LOG_PATH = '/api/logs/'
export const DEFAULT_LOG_URL_PREFIX = 'https://s3.amazonaws.com/vast.ai/instance_logs/'
const TIMEOUT_MS = 20_000
const MAX_LOG_BYTES = 8_000_000

/**
 * @param {string | undefined} value
 * @returns {string}
 */
export function logPrefixFrom(value) {
  const raw = value && value.trim() !== '' ? value.trim() : DEFAULT_LOG_URL_PREFIX
  const url = new URL(raw)
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`VAST_LOG_URL_PREFIX must be an http(s) URL, got ${url.protocol}`)
  if (!url.pathname.endsWith('/')) throw new Error('VAST_LOG_URL_PREFIX must end with a slash')
  return url.href
}

/**
 * The target when `raw` is a plain URL under `prefix` (same origin, path inside the folder, no
 * credentials, no dot segments left after parsing); else null.
 * @param {string | null} raw
 * @param {string} prefix
 * @returns {URL | null}
 */
export function allowedLogUrl(raw, prefix) {
  if (!raw || raw.length > 2048) return null
  let url
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  const base = new URL(prefix)
  if (url.username || url.password || url.hash) return null
  if (url.origin !== base.origin) return null
  if (!url.pathname.startsWith(base.pathname) || url.pathname === base.pathname) return null
  // Encoded slashes or dots could step outside the folder on some servers.
  if (/%2f|%5c|%2e/i.test(url.pathname.slice(base.pathname.length))) return null
  return url
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} error
 * @param {string} msg
 */
function sendJson(res, status, error, msg) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  res.end(JSON.stringify({ success: false, error, msg }))
}

/**
 * @param {string} prefix from logPrefixFrom()
 * @param {typeof fetch} [fetchImpl]
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<boolean>}
 */
export function createLogProxy(prefix, fetchImpl = fetch) {
  return async (req, res) => {
    const requestUrl = new URL(req.url ?? '/', 'http://local')
    if (requestUrl.pathname !== LOG_PATH) return false
    if (req.method !== 'GET') {
      sendJson(res, 405, 'method_not_allowed', 'Logs are read with GET.')
      return true
    }
    const target = allowedLogUrl(requestUrl.searchParams.get('url'), prefix)
    if (!target) {
      sendJson(res, 400, 'url_not_allowed', 'Only Vast log URLs can be fetched.')
      return true
    }
    let upstream
    try {
      upstream = await fetchImpl(target, {
        method: 'GET',
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
    } catch {
      sendJson(res, 502, 'log_unreachable', 'The log host did not answer.')
      return true
    }
    if (upstream.status === 403 || upstream.status === 404) {
      // S3 answers these until the log file has been written: "not ready yet".
      sendJson(res, 404, 'not_ready', 'The log is not ready yet.')
      return true
    }
    if (!upstream.ok) {
      sendJson(res, 502, 'log_error', `The log host answered ${upstream.status}.`)
      return true
    }
    const length = Number(upstream.headers.get('content-length') ?? 0)
    if (length > MAX_LOG_BYTES) {
      sendJson(res, 502, 'log_too_large', 'The log is too large; ask for fewer lines.')
      return true
    }
    const body = Buffer.from(await upstream.arrayBuffer())
    if (body.length > MAX_LOG_BYTES) {
      sendJson(res, 502, 'log_too_large', 'The log is too large; ask for fewer lines.')
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
