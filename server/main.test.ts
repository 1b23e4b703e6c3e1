// @vitest-environment node
// `npm start`'s server as users run it (a child process): its security headers on every kind of
// response, its loopback default and the warning when bound elsewhere, the API allow-list, and
// the headers it strips on the way to Vast.
import type { IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from './headers.mjs'
import { freePort, startBehindUpstream, startServer, type Gateway } from './test-support'

let BASE = ''
const seen: { url: string | undefined; headers: IncomingHttpHeaders }[] = []
let gateway: Gateway
const output = () => gateway.app.output()

beforeAll(async () => {
  gateway = await startBehindUpstream((req, res) => {
    seen.push({ url: req.url, headers: req.headers })
    res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'session=evil' })
    res.end('{"ok":true}')
  })
  BASE = `http://127.0.0.1:${gateway.port}`
})

afterAll(() => gateway.stop())

const SECURITY = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
}

describe('npm start server', () => {
  it('sends a strict CSP (no inline script, connect-src self, frame-ancestors none)', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline')
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
  })

  it.each([
    ['the page', '/'],
    ['a deep link', '/?tab=instances'],
    ['an asset', '/assets/app.js'],
    ['a forwarded API call', '/api/v0/users/current/'],
    ['an API path outside the allow-list', '/api/v2/anything/'],
  ])('puts the security headers on %s', async (_name, path) => {
    const res = await fetch(`${BASE}${path}`)
    for (const [name, value] of Object.entries(SECURITY)) expect(res.headers.get(name)).toBe(value)
  })

  it('forwards only the API allow-list, without Origin, Cookie or Referer, and no Set-Cookie back', async () => {
    seen.length = 0
    const res = await fetch(`${BASE}/api/v0/users/current/`, {
      headers: {
        authorization: 'Bearer k-123',
        // The app's own origin: allowed, yet not passed on.
        origin: BASE,
        cookie: 'a=b',
        referer: `${BASE}/page`,
      },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(seen).toHaveLength(1)
    expect(seen[0]?.headers.authorization).toBe('Bearer k-123')
    expect(seen[0]?.headers.origin).toBeUndefined()
    expect(seen[0]?.headers.cookie).toBeUndefined()
    expect(seen[0]?.headers.referer).toBeUndefined()

    const outside = await fetch(`${BASE}/api/v2/anything/`)
    expect(outside.status).toBe(404)
    expect(await fetch(`${BASE}/__sim/health`).then((r) => r.headers.get('content-type'))).toMatch(
      /text\/html/,
    )
    expect(seen).toHaveLength(1)
  })

  it('listens on loopback and never logs the key', () => {
    expect(output()).toContain('http://127.0.0.1:')
    expect(output()).not.toContain('warning')
    expect(output()).not.toContain('k-123')
  })

  // 127.0.0.2 is not on the allow-list of names (so it warns) yet reachable only from this machine.
  it('warns when bound beyond loopback', async () => {
    const started = await startServer({
      PORT: String(await freePort()),
      HOST: '127.0.0.2',
      DIST_DIR: tmpdir(),
    })
    started.child.kill()
    expect(started.output()).toMatch(/warning: listening on 127\.0\.0\.2, not loopback/)
  })
})
