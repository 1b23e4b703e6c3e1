// @vitest-environment node
// `npm start`'s server (a child process) spoken to over raw sockets, as another program on the
// same machine or a page on another site would: absolute-form targets, dot segments, foreign
// Host names, cross-site API calls and every error answer (status and JSON body).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  SECRET,
  freePort,
  jsonBody,
  makeDist,
  rawRequest,
  requestHead,
  startBehindUpstream,
  startServer,
  type Gateway,
} from './test-support'

const seen: string[] = []
let gateway: Gateway
let PORT = 0
const HOST = () => `127.0.0.1:${PORT}`

const get = (target: string, host = HOST(), ...lines: string[]) =>
  rawRequest(PORT, requestHead('GET', target, host, ...lines))

beforeAll(async () => {
  gateway = await startBehindUpstream(
    (req, res) => {
      seen.push(req.url ?? '')
      req.resume()
      res.writeHead(200, {
        'content-type': 'application/json',
        'cache-control': 'public, max-age=3600',
      })
      res.end('{"ok":true}')
    },
    { ALLOWED_HOSTS: 'gpu.example.com, Console.Example.org' },
  )
  PORT = gateway.port
})

afterAll(() => gateway.stop())

describe('request targets', () => {
  it('serves the app and forwards the API (the baseline the refusals below are measured by)', async () => {
    expect((await get('/')).status).toBe(200)
    expect((await get('/assets/app.js')).body).toBe('export {}')
    seen.length = 0
    const api = await get('/api/v0/users/current/')
    expect(api.status).toBe(200)
    expect(seen).toEqual(['/api/v0/users/current/'])
  })

  it.each([
    'http://x/../../../dist-sim/serve.js',
    'http://x/../secret.txt',
    'http://127.0.0.1/api/v0/users/current/',
    'https://console.vast.ai/api/v0/users/current/',
    '*',
  ])('refuses the absolute-form target %s', async (target) => {
    seen.length = 0
    const res = await get(target)
    expect(res.status).toBe(400)
    expect(jsonBody(res)).toEqual({
      success: false,
      error: 'bad_target',
      msg: 'Only origin-form request targets (/path) are served.',
    })
    expect(res.raw).not.toContain(SECRET)
    expect(seen).toEqual([])
  })

  it.each([
    '/api/v0/../../x',
    '/api/v0/%2e%2e/%2e%2e/x',
    '/api/v1/.%2e/.%2E/__sim/health',
    '/api/v0/..\\..\\x',
    '/api/v0/./users/current/',
    '/api/v0/users%2f..%2f..%2fx',
  ])('refuses %s without forwarding it', async (target) => {
    seen.length = 0
    const res = await get(target)
    expect(res.status).toBe(400)
    expect(jsonBody(res)).toMatchObject({ success: false, error: 'bad_path' })
    expect(res.headers['cache-control']).toBe('no-store')
    expect(seen).toEqual([])
  })

  it('refuses a doubled slash inside the API path', async () => {
    seen.length = 0
    const res = await get('/api/v0//users/current/')
    expect(res.status).toBe(400)
    expect(jsonBody(res)).toMatchObject({ success: false, error: 'bad_path' })
    expect(seen).toEqual([])
  })
})

describe('Host (DNS rebinding)', () => {
  it.each(['attacker.example', 'attacker.example:8278', '127.0.0.1.attacker.example', ''])(
    'refuses Host %j on the page and on the API',
    async (host) => {
      seen.length = 0
      for (const target of ['/', '/api/v0/users/current/']) {
        const res = await get(target, host)
        expect(res.status).toBe(403)
        expect(jsonBody(res)).toEqual({
          success: false,
          error: 'host_not_allowed',
          msg: 'This server is not reached by that host name.',
        })
      }
      expect(seen).toEqual([])
    },
  )

  it.each([
    'localhost',
    'vast-console.localhost',
    '[::1]',
    '127.0.0.1',
    'gpu.example.com',
    'CONSOLE.example.org',
  ])('answers Host %s (loopback names, HOST and ALLOWED_HOSTS)', async (name) => {
    const res = await get('/', `${name}:${PORT}`)
    expect(res.status).toBe(200)
    expect(res.body).toContain('<title>app</title>')
  })
})

describe('requests from other sites', () => {
  it.each(['cross-site', 'same-site'])(
    'refuses Sec-Fetch-Site: %s on /api/ without forwarding',
    async (site) => {
      seen.length = 0
      for (const target of ['/api/v0/users/current/', '/api/logs/?url=x']) {
        const res = await get(target, HOST(), `Sec-Fetch-Site: ${site}`)
        expect(res.status).toBe(403)
        expect(jsonBody(res)).toEqual({
          success: false,
          error: 'cross_site',
          msg: `A ${site} request cannot use the API.`,
        })
      }
      expect(seen).toEqual([])
    },
  )

  it('refuses a simple cross-site POST (Origin of another site, no Sec-Fetch-Site)', async () => {
    seen.length = 0
    const res = await rawRequest(
      PORT,
      requestHead(
        'POST',
        '/api/v0/asks/1/',
        HOST(),
        'Origin: http://evil.example',
        'Content-Type: text/plain',
        'Content-Length: 2',
      ),
      '{}',
    )
    expect(res.status).toBe(403)
    expect(jsonBody(res)).toEqual({
      success: false,
      error: 'cross_site',
      msg: 'A request from another origin cannot use the API.',
    })
    expect(seen).toEqual([])
  })

  it("forwards the app's own calls (same-origin, its own Origin) and lets other sites link to the page", async () => {
    seen.length = 0
    const own = await rawRequest(
      PORT,
      requestHead(
        'POST',
        '/api/v0/bundles/',
        HOST(),
        'Sec-Fetch-Site: same-origin',
        `Origin: http://${HOST()}`,
        'Content-Type: application/json',
        'Content-Length: 2',
      ),
      '{}',
    )
    expect(own.status).toBe(200)
    expect(seen).toEqual(['/api/v0/bundles/'])
    expect((await get('/', HOST(), 'Sec-Fetch-Site: cross-site')).status).toBe(200)
  })
})

describe('error answers', () => {
  it('answers a 2 MB POST with the 413 JSON, not a reset connection', async () => {
    seen.length = 0
    const body = Buffer.alloc(2_000_000, 'a')
    const res = await rawRequest(
      PORT,
      requestHead(
        'POST',
        '/api/v0/bundles/',
        HOST(),
        'Content-Type: application/json',
        `Content-Length: ${body.length}`,
      ),
      body,
    )
    expect(res.status).toBe(413)
    expect(jsonBody(res)).toEqual({
      success: false,
      error: 'too_large',
      msg: 'Request body too large.',
    })
    expect(seen).toEqual([])
  })

  it('answers bad percent-encoding with 400, not 500', async () => {
    const res = await get('/%E0%A4%A')
    expect(res.status).toBe(400)
    expect(jsonBody(res)).toEqual({
      success: false,
      error: 'bad_path',
      msg: 'The path is not valid percent-encoding.',
    })
  })

  it('answers a missing asset with 404, not the app page', async () => {
    const res = await get('/assets/missing-1234.js')
    expect(res.status).toBe(404)
    expect(jsonBody(res)).toEqual({ success: false, error: 'not_found', msg: 'No such file.' })
  })

  it('answers an API path outside the allow-list with 404 and a write to the page with 405', async () => {
    const outside = await get('/api/v2/anything/')
    expect(outside.status).toBe(404)
    expect(jsonBody(outside)).toEqual({
      success: false,
      error: 'not_forwarded',
      msg: 'This API path is not forwarded.',
    })
    const write = await rawRequest(PORT, requestHead('DELETE', '/', HOST()))
    expect(write.status).toBe(405)
    expect(jsonBody(write)).toMatchObject({ success: false, error: 'method_not_allowed' })
  })

  it('never lets an API answer be cached, whatever the upstream says', async () => {
    const res = await get('/api/v0/users/current/')
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    expect((await get('/api/v9/')).headers['cache-control']).toBe('no-store')
  })
})

describe('binding', () => {
  it('treats an empty HOST as loopback', async () => {
    const started = await startServer({
      PORT: String(await freePort()),
      HOST: '',
      DIST_DIR: makeDist(),
    })
    started.child.kill()
    expect(started.output()).toMatch(/Vast GPU Console on http:\/\/127\.0\.0\.1:\d+/)
    expect(started.output()).not.toContain('warning')
  })
})
