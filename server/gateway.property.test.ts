// @vitest-environment node
// fast-check over request targets built from the tricks that break path allow-lists: dot
// segments (plain, %2e in any case, mixed), backslashes (raw and %5c), encoded slashes, doubled
// slashes, absolute-form and asterisk targets, case changes and query strings. Sent over raw
// sockets to `npm start`'s server (a child process) with a recording upstream: nothing outside
// /api/v0/* and /api/v1/* ever reaches the upstream, nothing outside dist/ is ever served, and no
// target makes the server fail (5xx).
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { SECRET, rawRequest, requestHead, startBehindUpstream, type Gateway } from './test-support'

const seen: string[] = []
let gateway: Gateway
let port = 0

beforeAll(async () => {
  gateway = await startBehindUpstream((req, res) => {
    seen.push(req.url ?? '')
    req.resume()
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
  })
  port = gateway.port
})

afterAll(() => gateway.stop())

/** What may reach the upstream: a path under /api/v0/ or /api/v1/ that no parser would move. */
function insideAllowList(url: string): boolean {
  const path = url.split('?')[0] ?? ''
  if (!/^\/api\/v[01]\//.test(path) || path.includes('\\') || path.includes('//')) return false
  if (new URL(path, 'http://upstream').pathname !== path) return false
  let decoded
  try {
    decoded = decodeURIComponent(path)
  } catch {
    return false
  }
  return !/[\\]/.test(decoded) && !decoded.split('/').some((s) => s === '.' || s === '..')
}

const segment = fc.constantFrom(
  ...['api', 'API', 'Api', 'v0', 'v1', 'V1', 'v2', 'users', 'current', '__sim', 'health'],
  ...['..', '.', '%2e%2e', '%2E%2e', '.%2e', '%2e.', '%2E', '%252e%252e', '..\\..', '...'],
  ...['%5c', '%5C..', '\\', '%2f', '%2F..', '%00', ''],
  ...['dist-sim', 'serve.js', 'secret.txt', 'assets', 'app.js', 'index.html', 'dist'],
)
const separator = fc.constantFrom('/', '/', '/', '\\', '//', '%2f')
const prefix = fc.constantFrom(
  ...['/', '/', '/api/v0/', '/api/v1/', '/API/v0/', '/api/V0/', '/api/v0', '/assets/'],
  ...['//', '', '\\', '/./', '/%2e/', 'http://x/', 'http://127.0.0.1/', 'https://console.vast.ai/'],
  ...['http://x/api/v0/', 'x/', '*', '/api/v0/%2e%2e/', '/api/logs/'],
)
const suffix = fc.constantFrom('', '/', '?a=1', '?url=http://x/../', '#f', '?/../../x')
const target = fc
  .tuple(prefix, fc.array(fc.tuple(segment, separator), { maxLength: 6 }), segment, suffix)
  .map(([head, parts, last, tail]) => {
    const path = `${head}${parts.map(([s, sep]) => `${s}${sep}`).join('')}${last}${tail}`
    return path === '' ? '/' : path
  })

it('forwards nothing outside /api/v0/ and /api/v1/, serves nothing outside dist/', async () => {
  // The baseline: the property below can only pass by refusing, not by never reaching anything.
  seen.length = 0
  expect(
    (await rawRequest(port, requestHead('GET', '/api/v1/instances/', '127.0.0.1'))).status,
  ).toBe(200)
  expect(seen).toEqual(['/api/v1/instances/'])
  expect((await rawRequest(port, requestHead('GET', '/assets/app.js', '127.0.0.1'))).body).toBe(
    'export {}',
  )

  await fc.assert(
    fc.asyncProperty(target, fc.constantFrom('GET', 'POST', 'HEAD'), async (path, method) => {
      seen.length = 0
      const lines = method === 'POST' ? ['Content-Length: 2'] : []
      const res = await rawRequest(
        port,
        requestHead(method, path, '127.0.0.1', ...lines),
        method === 'POST' ? '{}' : '',
      )
      expect(res.raw).not.toContain(SECRET)
      expect(res.status).toBeGreaterThanOrEqual(200)
      expect(res.status).toBeLessThan(500)
      for (const url of seen) expect(insideAllowList(url), url).toBe(true)
    }),
    { numRuns: 400 },
  )
})
