// @ts-check
// The app's same-origin gateway to the Vast API, shared by `npm start` (server/main.mjs) and
// `npm run dev` (the Vite plugin in vite.config.ts). It forwards only the API path allow-list,
// forwards only the headers the API needs (so Origin and Cookie never leave), and never logs a
// request's headers or query string, where a key could hide.

/** Paths forwarded upstream. Everything else is answered locally. */
export const API_PATH = /^\/api\/v[01]\//

/** Request headers passed to the API; every other header (Origin, Cookie, Referer…) is dropped. */
const FORWARDED_REQUEST_HEADERS = ['authorization', 'content-type', 'accept']
/** Response headers passed back to the browser. Set-Cookie in particular is not. */
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'location', 'cache-control']

const UPSTREAM_TIMEOUT_MS = 60_000
const MAX_BODY_BYTES = 1_000_000

/**
 * @param {string | undefined} value
 * @returns {URL}
 */
export function upstreamFrom(value) {
  const raw = value && value.trim() !== '' ? value.trim() : 'https://console.vast.ai'
  const url = new URL(raw)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`VAST_API_URL must be an http(s) URL, got ${url.protocol}`)
  }
  return url
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<Buffer>}
 */
function readBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = []
    let size = 0
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} message
 */
function sendJson(res, status, message) {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify({ success: false, error: 'gateway_error', msg: message }))
}

/**
 * Creates a request handler that forwards API paths to `upstream`. It answers true when it
 * handled the request, false when the path is not an API path (the caller serves it).
 * @param {URL} upstream
 * @param {{ fetchImpl?: typeof fetch }} [options]
 */
export function createApiProxy(upstream, options = {}) {
  const fetchImpl = options.fetchImpl ?? fetch
  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {Promise<boolean>}
   */
  return async function proxy(req, res) {
    const path = req.url ?? '/'
    if (!API_PATH.test(path)) return false
    const method = (req.method ?? 'GET').toUpperCase()
    if (!['GET', 'POST', 'PUT', 'DELETE'].includes(method)) {
      sendJson(res, 405, `Method ${method} is not forwarded.`)
      return true
    }
    /** @type {Record<string, string>} */
    const headers = {}
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = req.headers[name]
      if (typeof value === 'string') headers[name] = value
    }
    let body
    try {
      body = method === 'GET' ? undefined : await readBody(req)
    } catch {
      sendJson(res, 413, 'Request body too large.')
      return true
    }
    const target = new URL(path, upstream)
    let upstreamRes
    try {
      upstreamRes = await fetchImpl(target, {
        method,
        headers,
        body: body && body.length > 0 ? new Uint8Array(body) : undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
      })
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError'
      sendJson(
        res,
        timedOut ? 504 : 502,
        timedOut ? 'The Vast API did not answer in time.' : 'The Vast API could not be reached.',
      )
      return true
    }
    /** @type {Record<string, string>} */
    const outHeaders = {}
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = upstreamRes.headers.get(name)
      if (value !== null) outHeaders[name] = value
    }
    const payload = Buffer.from(await upstreamRes.arrayBuffer())
    res.writeHead(upstreamRes.status, outHeaders)
    res.end(payload)
    return true
  }
}
