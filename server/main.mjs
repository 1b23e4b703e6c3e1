// @ts-check
// `npm start`: serves the production build (dist/) and forwards the Vast API allow-list to
// VAST_API_URL. Listens on loopback unless HOST says otherwise, answers only the host names it
// is reached by (loopback names, HOST, ALLOWED_HOSTS), and serves nothing outside dist/.
import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApiProxy, upstreamFrom } from './proxy.mjs'
import { createLogProxy, logPrefixesFrom } from './log-proxy.mjs'
import { SECURITY_HEADERS } from './headers.mjs'
import { crossSiteReason, hostAllowList, parseTarget } from './guard.mjs'
import { sendError } from './http.mjs'

const ROOT = process.env.DIST_DIR
  ? resolve(process.env.DIST_DIR)
  : resolve(fileURLToPath(new URL('../dist', import.meta.url)))
/** This app's own port (not vite preview's 4173), so its origin, and the key remembered there, is its own. */
const DEFAULT_PORT = 8278
const PORT = Number(process.env.PORT?.trim() || DEFAULT_PORT)
// An empty HOST means the default, never "every interface".
const HOST = process.env.HOST?.trim() || '127.0.0.1'
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])
const hostAllowed = hostAllowList(HOST, process.env.ALLOWED_HOSTS)

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
}

/**
 * The file under ROOT for a decoded path (already free of dot segments and backslashes), or
 * null. The containment check ends with a separator, so a sibling such as `dist-sim/` is outside.
 * @param {string} decodedPath
 * @returns {Promise<{ file: string, type: string } | null>}
 */
async function resolveStatic(decodedPath) {
  if (decodedPath.includes('\0')) return null
  const file = resolve(ROOT, `.${decodedPath}`)
  if (!file.startsWith(`${ROOT}${sep}`)) return null
  try {
    const info = await stat(file)
    if (info.isFile()) return { file, type: TYPES[extname(file)] ?? 'application/octet-stream' }
  } catch {
    // not there
  }
  return null
}

const upstream = upstreamFrom(process.env.VAST_API_URL)
const proxy = createApiProxy(upstream)
const logProxy = createLogProxy(logPrefixesFrom(process.env.VAST_LOG_URL_PREFIX))

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
async function handle(req, res) {
  const target = parseTarget(req.url)
  if (!target.ok) {
    sendError(res, target.status, target.error, target.msg)
    return
  }
  if (!hostAllowed(req.headers.host)) {
    // DNS rebinding: a page on another name that resolves here must not be served or proxied.
    sendError(res, 403, 'host_not_allowed', 'This server is not reached by that host name.')
    return
  }
  const api = target.decoded === '/api' || target.decoded.startsWith('/api/')
  if (api) {
    const crossSite = crossSiteReason(req.headers)
    if (crossSite) {
      sendError(res, 403, 'cross_site', crossSite)
      return
    }
    if (await proxy(req, res)) return
    if (await logProxy(req, res)) return
    sendError(res, 404, 'not_forwarded', 'This API path is not forwarded.')
    return
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(res, 405, 'method_not_allowed', 'Only GET and HEAD are served here.')
    return
  }
  let found = await resolveStatic(target.decoded)
  if (!found) {
    // A missing asset is missing; every other path is the single-page app's entry.
    if (target.decoded.startsWith('/assets/')) {
      sendError(res, 404, 'not_found', 'No such file.')
      return
    }
    found = { file: join(ROOT, 'index.html'), type: TYPES['.html'] ?? 'text/html' }
  }
  let body
  try {
    body = await readFile(found.file)
  } catch {
    sendError(res, 503, 'not_built', 'The app is not built: run `npm start`.')
    return
  }
  const immutable = found.file.startsWith(`${join(ROOT, 'assets')}${sep}`)
  res.writeHead(200, {
    'content-type': found.type,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  res.end(req.method === 'HEAD' ? undefined : body)
}

const server = createServer((req, res) => {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
  handle(req, res).catch(() => sendError(res, 500, 'internal', 'Internal error.'))
})

const shown = HOST.includes(':') ? `[${HOST}]` : HOST
if (!LOOPBACK.has(HOST)) {
  console.warn(
    `warning: listening on ${shown}, not loopback. Anyone who can reach this address can use the ` +
      'app and its API proxy; put it behind TLS and access control, and name the host names it ' +
      'is reached by in ALLOWED_HOSTS.',
  )
}
server.listen(PORT, HOST, () => {
  const named = LOOPBACK.has(HOST) ? ` (or http://vast-console.localhost:${PORT})` : ''
  console.log(`Vast GPU Console on http://${shown}:${PORT}${named} → API ${upstream.origin}`)
})
