// @ts-check
// The app's same-origin gateway to the Vast API, shared by `npm start` (server/main.mjs) and
// `npm run dev` (the Vite plugin in vite.config.ts). It forwards only the API path allow-list,
// checked on the path as parsed (no dot segments or backslashes in any spelling, and the URL
// sent upstream must keep exactly that path); refuses requests a browser sent from another
// site; forwards only the headers the API needs (so Origin and Cookie never leave); holds at
// most MAX_RESPONSE_BYTES of an answer; never lets an API answer be cached; and never logs a
// request's headers or query string, where a key could hide. JSON answers go to a browser that
// accepts gzip compressed (an offer search of 100 rows is about 230 KB as JSON, 10× less gzipped;
// Node's fetch has already undone Vast's own compression).
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import { crossSiteReason, parseTarget } from './guard.mjs'
import { readCapped, readRequestBody, sendError } from './http.mjs'

/** Paths forwarded upstream. Everything else is answered locally. */
export const API_PATH = /^\/api\/v[01]\//

/** Request headers passed to the API; every other header (Origin, Cookie, Referer…) is dropped. */
const FORWARDED_REQUEST_HEADERS = ['authorization', 'content-type', 'accept']
/** Response headers passed back to the browser. Set-Cookie and cache headers in particular are not. */
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'location']

const UPSTREAM_TIMEOUT_MS = 60_000
const MAX_BODY_BYTES = 1_000_000
/**
 * Vast's largest answers are offer searches: about 2.5 KB an offer, so the app's largest search
 * (5,000 offers) is about 12 MB. The cap leaves more than twice that.
 */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024
/** Smaller answers are sent as they are. */
export const COMPRESS_MIN_BYTES = 1024
const gzipAsync = promisify(gzip)

/**
 * The answer as sent to the browser: gzipped when it is JSON worth compressing and the browser
 * accepts gzip (no secret is reflected next to attacker input here: a cross-site page cannot
 * send the key, which only the app's script puts in Authorization).
 * @param {Buffer} payload
 * @param {string | null} contentType
 * @param {string | string[] | undefined} acceptEncoding
 * @returns {Promise<{ body: Buffer, headers: Record<string, string> }>}
 */
async function encodeAnswer(payload, contentType, acceptEncoding) {
  const accepts = String(acceptEncoding ?? '')
    .split(',')
    .some((part) => /^\s*gzip\s*(;\s*q=(?!0(\.0*)?\s*$)[\d.]+\s*)?$/i.test(part))
  if (!accepts || payload.length < COMPRESS_MIN_BYTES || !/\bjson\b/i.test(contentType ?? ''))
    return { body: payload, headers: {} }
  return {
    body: await gzipAsync(payload, { level: 6 }),
    headers: { 'content-encoding': 'gzip', vary: 'Accept-Encoding' },
  }
}

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
 * Creates a request handler that forwards API paths to `upstream`. It answers true when it
 * handled the request, false when the path is not an API path (the caller serves it).
 * @param {URL} upstream
 * @param {{ fetchImpl?: typeof fetch, timeoutMs?: number, maxResponseBytes?: number }} [options]
 */
export function createApiProxy(upstream, options = {}) {
  const fetchImpl = options.fetchImpl ?? fetch
  const timeoutMs = options.timeoutMs ?? UPSTREAM_TIMEOUT_MS
  const maxResponseBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES
  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {Promise<boolean>}
   */
  return async function proxy(req, res) {
    const raw = req.url ?? ''
    // Only a path that passes the raw check is looked at further; the parsed one decides.
    if (!API_PATH.test(raw)) return false
    const parsed = parseTarget(raw)
    if (!parsed.ok) {
      sendError(res, parsed.status, parsed.error, parsed.msg)
      return true
    }
    // Dot segments and encoded separators are refused above; doubled slashes are refused here,
    // so the path Vast routes on is the path checked.
    const target = new URL(`${upstream.origin}${parsed.pathname}${parsed.search}`)
    if (
      !API_PATH.test(parsed.pathname) ||
      parsed.pathname.includes('//') ||
      target.pathname !== parsed.pathname
    ) {
      sendError(res, 400, 'bad_path', 'This API path is not forwarded.')
      return true
    }
    const crossSite = crossSiteReason(req.headers)
    if (crossSite) {
      sendError(res, 403, 'cross_site', crossSite)
      return true
    }
    const method = (req.method ?? 'GET').toUpperCase()
    if (!['GET', 'POST', 'PUT', 'DELETE'].includes(method)) {
      sendError(res, 405, 'method_not_allowed', `Method ${method} is not forwarded.`)
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
      body = method === 'GET' ? undefined : await readRequestBody(req, MAX_BODY_BYTES)
    } catch {
      return true // cut off mid-body: there is no one left to answer
    }
    if (body === null) {
      sendError(res, 413, 'too_large', 'Request body too large.', { connection: 'close' })
      return true
    }
    const signal = AbortSignal.timeout(timeoutMs)
    try {
      const upstreamRes = await fetchImpl(target, {
        method,
        headers,
        body: body && body.length > 0 ? new Uint8Array(body) : undefined,
        redirect: 'manual',
        signal,
      })
      const payload = await readCapped(upstreamRes, maxResponseBytes)
      if (payload === null) {
        sendError(res, 502, 'too_large', 'The Vast API answer is larger than the gateway accepts.')
        return true
      }
      /** @type {Record<string, string>} */
      const outHeaders = { 'cache-control': 'no-store' }
      for (const name of FORWARDED_RESPONSE_HEADERS) {
        const value = upstreamRes.headers.get(name)
        if (value !== null) outHeaders[name] = value
      }
      const answer = await encodeAnswer(
        payload,
        upstreamRes.headers.get('content-type'),
        req.headers['accept-encoding'],
      )
      res.writeHead(upstreamRes.status, { ...outHeaders, ...answer.headers })
      res.end(answer.body)
    } catch {
      sendError(
        res,
        signal.aborted ? 504 : 502,
        'gateway_error',
        signal.aborted
          ? 'The Vast API did not answer in time.'
          : 'The Vast API could not be reached.',
      )
    }
    return true
  }
}
