// @ts-check
// The checks every request passes before it is served or forwarded: the request target's shape
// (no absolute form, no dot segments or backslashes in any spelling), the Host it was sent to
// (against DNS rebinding) and, for /api/, that a browser sent it from this app's own pages.

/**
 * @typedef {{ ok: true, pathname: string, search: string, decoded: string }} GoodTarget
 * @typedef {{ ok: false, status: number, error: string, msg: string }} Refusal
 */

/** Percent-encoded slash, backslash or NUL: never needed in this app's paths. */
const ENCODED_SEPARATOR = /%(2f|5c|00)/i

/**
 * Reads an origin-form request target (`/path?query`). Refuses anything else: absolute-form
 * (`http://host/…`), asterisk-form, a leading `//`, backslashes, encoded separators, bad
 * percent-encoding and `.`/`..` segments however they are spelled (`%2e`, `.%2E`…).
 * @param {string | undefined} raw
 * @returns {GoodTarget | Refusal}
 */
export function parseTarget(raw) {
  const target = raw ?? ''
  if (!target.startsWith('/') || target.startsWith('//')) {
    return refusal(400, 'bad_target', 'Only origin-form request targets (/path) are served.')
  }
  const end = target.search(/[?#]/)
  const pathname = end === -1 ? target : target.slice(0, end)
  const search = end === -1 ? '' : (target.slice(end).split('#')[0] ?? '')
  if (pathname.includes('\\') || ENCODED_SEPARATOR.test(pathname)) {
    return refusal(400, 'bad_path', 'Backslashes and encoded separators are not allowed in paths.')
  }
  let decoded
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return refusal(400, 'bad_path', 'The path is not valid percent-encoding.')
  }
  if (decoded.split('/').some((segment) => segment === '.' || segment === '..')) {
    return refusal(400, 'bad_path', 'Dot segments are not allowed in paths.')
  }
  return { ok: true, pathname, search, decoded }
}

/**
 * @param {number} status
 * @param {string} error
 * @param {string} msg
 * @returns {Refusal}
 */
function refusal(status, error, msg) {
  return { ok: false, status, error, msg }
}

/** Wildcard bind addresses: not names a browser reaches the server by. */
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]'])

/**
 * The host names (no port) the server answers to: loopback names (`localhost`, `*.localhost`,
 * 127.x.x.x, `[::1]`), the HOST it is bound to (unless a wildcard) and ALLOWED_HOSTS
 * (comma-separated).
 * @param {string} bindHost
 * @param {string | undefined} allowedHosts
 * @returns {(hostHeader: string | undefined) => boolean}
 */
export function hostAllowList(bindHost, allowedHosts) {
  const extra = new Set(
    (allowedHosts ?? '')
      .split(',')
      .map((name) => hostnameOf(name.trim()))
      .filter((name) => name !== null),
  )
  const bound = hostnameOf(bindHost.includes(':') ? `[${bindHost}]` : bindHost)
  if (bound !== null && !WILDCARDS.has(bound)) extra.add(bound)
  return (hostHeader) => {
    const name = hostnameOf(hostHeader ?? '')
    if (name === null) return false
    return (
      name === 'localhost' ||
      name.endsWith('.localhost') ||
      name === '[::1]' ||
      /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name) ||
      extra.has(name)
    )
  }
}

/**
 * The lower-case host name of a Host header value (`name`, `name:port`, `[v6]:port`), or null.
 * @param {string} value
 * @returns {string | null}
 */
function hostnameOf(value) {
  if (value === '' || /[/\\@?#\s]/.test(value)) return null
  try {
    return new URL(`http://${value}`).hostname
  } catch {
    return null
  }
}

/**
 * Why an /api/ request is refused as coming from another site, or null when it may go on.
 * Browsers say where a request comes from in Sec-Fetch-Site (only `same-origin`, or `none` for
 * a typed address, are this app's) and, on writes, in Origin (it must name the Host asked).
 * Clients that send neither (curl, scripts on this machine) are not browsers visiting a page.
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @returns {string | null}
 */
export function crossSiteReason(headers) {
  const site = headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return `A ${site} request cannot use the API.`
  }
  const origin = headers.origin
  if (origin === undefined) return null
  let originHost
  try {
    originHost = new URL(origin).host
  } catch {
    originHost = null
  }
  return originHost !== null && originHost === headers.host
    ? null
    : 'A request from another origin cannot use the API.'
}
