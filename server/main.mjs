// @ts-check
// `npm start`: serves the production build (dist/) and forwards the Vast API allow-list to
// VAST_API_URL. Listens on loopback unless HOST says otherwise.
import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApiProxy, upstreamFrom } from './proxy.mjs'
import { createLogProxy, logPrefixFrom } from './log-proxy.mjs'
import { SECURITY_HEADERS } from './headers.mjs'

const ROOT = process.env.DIST_DIR
  ? resolve(process.env.DIST_DIR)
  : resolve(fileURLToPath(new URL('../dist', import.meta.url)))
const PORT = Number(process.env.PORT ?? 4173)
const HOST = process.env.HOST ?? '127.0.0.1'
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])

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
 * @param {string} urlPath
 * @returns {Promise<{ file: string, type: string } | null>}
 */
async function resolveStatic(urlPath) {
  const clean = normalize(decodeURIComponent(urlPath.split('?')[0] ?? '/')).replace(/^([/\\])+/, '')
  const file = join(ROOT, clean)
  if (!file.startsWith(ROOT)) return null
  try {
    const info = await stat(file)
    if (info.isFile()) return { file, type: TYPES[extname(file)] ?? 'application/octet-stream' }
  } catch {
    // fall through to the SPA entry
  }
  return null
}

const upstream = upstreamFrom(process.env.VAST_API_URL)
const proxy = createApiProxy(upstream)
const logProxy = createLogProxy(logPrefixFrom(process.env.VAST_LOG_URL_PREFIX))

const server = createServer((req, res) => {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
  void (async () => {
    if (await proxy(req, res)) return
    if (await logProxy(req, res)) return
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'content-type': 'text/plain' }).end('Method not allowed')
      return
    }
    const path = req.url ?? '/'
    if (path.startsWith('/api/')) {
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          success: false,
          error: 'not_forwarded',
          msg: 'This API path is not forwarded.',
        }),
      )
      return
    }
    const found = (await resolveStatic(path)) ?? {
      file: join(ROOT, 'index.html'),
      type: TYPES['.html'] ?? 'text/html',
    }
    let body
    try {
      body = await readFile(found.file)
    } catch {
      res
        .writeHead(500, { 'content-type': 'text/plain' })
        .end('The app is not built: run `npm start`.')
      return
    }
    const immutable = found.file.includes(`${join(ROOT, 'assets')}`)
    res.writeHead(200, {
      'content-type': found.type,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  })().catch(() => {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
    res.end('Internal error')
  })
})

if (!LOOPBACK.has(HOST)) {
  console.warn(
    `warning: listening on ${HOST}, not loopback. Anyone who can reach this address can use the ` +
      'app and its API proxy; put it behind TLS and access control.',
  )
}
server.listen(PORT, HOST, () => {
  console.log(
    `Vast GPU Console on http://${HOST.includes(':') ? `[${HOST}]` : HOST}:${PORT} → API ${upstream.origin}`,
  )
})
