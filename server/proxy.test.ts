// @vitest-environment node
import { createServer, get, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiProxy, upstreamFrom } from './proxy.mjs'
import { jsonBody, listen as listenOn, rawRequest, requestHead } from './test-support'

interface Seen {
  method: string | undefined
  url: string | undefined
  headers: IncomingHttpHeaders
  body: string
}

let upstream: Server
let gateway: Server
let seen: Seen[] = []
let gatewayUrl = ''

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      resolve(
        typeof address === 'object' && address !== null ? (address satisfies AddressInfo).port : 0,
      )
    })
  })
}

/** A GET read as bytes, as sent (fetch would undo the compression). */
function getBytes(
  url: string,
  headers: Record<string, string>,
): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
    }).on('error', reject)
  })
}

beforeAll(async () => {
  upstream = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body })
      if (req.url?.startsWith('/api/v0/bundles/large')) {
        const offers = Array.from({ length: 200 }, (_, id) => ({ id, gpu_name: 'RTX 4090' }))
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ offers }))
        return
      }
      if (req.url?.startsWith('/api/v0/redirect')) {
        res
          .writeHead(301, { location: '/elsewhere/', 'content-type': 'text/html' })
          .end('<html>moved</html>')
        return
      }
      res
        .writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'session=1' })
        .end('{"ok":true}')
    })
  })
  const upstreamPort = await listen(upstream)
  const proxy = createApiProxy(upstreamFrom(`http://127.0.0.1:${upstreamPort}`))
  gateway = createServer((req, res) => {
    void proxy(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end('local')
    })
  })
  gatewayUrl = `http://127.0.0.1:${await listen(gateway)}`
})

afterAll(() => {
  upstream.close()
  gateway.close()
})

describe('API gateway', () => {
  it('forwards API paths with the key, without Origin or Cookie, and without Set-Cookie back', async () => {
    seen = []
    const res = await fetch(`${gatewayUrl}/api/v0/bundles/`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer k-123',
        'content-type': 'application/json',
        // The app's own origin: allowed, yet not passed on.
        origin: gatewayUrl,
        cookie: 'a=b',
        referer: 'http://127.0.0.1/secret-page',
      },
      body: '{"limit":5}',
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await res.json()).toEqual({ ok: true })
    expect(seen).toHaveLength(1)
    const [request] = seen
    expect(request?.method).toBe('POST')
    expect(request?.url).toBe('/api/v0/bundles/')
    expect(request?.headers.authorization).toBe('Bearer k-123')
    expect(request?.headers.origin).toBeUndefined()
    expect(request?.headers.cookie).toBeUndefined()
    expect(request?.headers.referer).toBeUndefined()
    expect(request?.body).toBe('{"limit":5}')
  })

  it('forwards v1 with its query string intact', async () => {
    seen = []
    await fetch(`${gatewayUrl}/api/v1/instances/?limit=25&after_token=abc`)
    expect(seen[0]?.url).toBe('/api/v1/instances/?limit=25&after_token=abc')
  })

  it.each(['/api/v2/anything/', '/api/vast/', '/__sim/worlds', '/admin/'])(
    'does not forward %s',
    async (path) => {
      seen = []
      const res = await fetch(`${gatewayUrl}${path}`)
      expect(await res.text()).toBe('local')
      expect(seen).toHaveLength(0)
    },
  )

  it('gzips a large JSON answer for a browser that accepts it, and only then', async () => {
    const zipped = await getBytes(`${gatewayUrl}/api/v0/bundles/large/`, {
      'accept-encoding': 'gzip, deflate, br',
    })
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(zipped.headers.vary).toBe('Accept-Encoding')
    const text = gunzipSync(zipped.body).toString()
    expect(text).toMatch(/^\{"offers":\[\{"id":0,"gpu_name":"RTX 4090"\}/)
    expect(zipped.body.length).toBeLessThan(text.length / 5)

    for (const acceptEncoding of [undefined, 'identity', 'gzip;q=0']) {
      const plain = await getBytes(
        `${gatewayUrl}/api/v0/bundles/large/`,
        acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
      )
      expect(plain.headers['content-encoding']).toBeUndefined()
      expect(plain.body.toString()).toBe(text)
    }
    // A small answer is not worth it.
    const small = await getBytes(`${gatewayUrl}/api/v0/users/current/`, {
      'accept-encoding': 'gzip',
    })
    expect(small.headers['content-encoding']).toBeUndefined()
  })

  it('passes a redirect through instead of following it', async () => {
    const res = await fetch(`${gatewayUrl}/api/v0/redirect`, { redirect: 'manual' })
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe('/elsewhere/')
  })

  it('answers 502 in JSON when the API cannot be reached', async () => {
    const proxy = createApiProxy(upstreamFrom('http://127.0.0.1:9'))
    const server = createServer((req, res) => void proxy(req, res))
    const port = await listen(server)
    const res = await fetch(`http://127.0.0.1:${port}/api/v0/users/current/`)
    server.close()
    expect(res.status).toBe(502)
    expect(await res.json()).toMatchObject({
      success: false,
      msg: 'The Vast API could not be reached.',
    })
  })
})

describe('API gateway under a misbehaving upstream', () => {
  let slow: Server
  let slowGateway: Server
  let port = 0
  let bigSent = 0

  beforeAll(async () => {
    const up = await listenOn((req, res) => {
      if (req.url === '/api/v0/trickle/') {
        // Headers at once, then a byte a second: never done within the gateway's timeout.
        res.writeHead(200, { 'content-type': 'application/json' })
        res.write('[')
        const timer = setInterval(() => res.write(' '), 1000)
        res.on('close', () => clearInterval(timer))
        return
      }
      if (req.url === '/api/v0/declared-big/') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000000' })
        res.end(Buffer.alloc(5_000_000, ' '))
        return
      }
      // 5 MB, chunked: only counting shows it is too large.
      res.writeHead(200, { 'content-type': 'application/json' })
      const chunk = Buffer.alloc(64 * 1024, ' ')
      const pump = () => {
        while (bigSent < 5_000_000) {
          bigSent += chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        res.end()
      }
      pump()
    })
    slow = up.server
    const proxy = createApiProxy(upstreamFrom(`http://127.0.0.1:${up.port}`), {
      timeoutMs: 300,
      maxResponseBytes: 1_000_000,
    })
    const gw = await listenOn((req, res) => void proxy(req, res))
    slowGateway = gw.server
    port = gw.port
  })

  afterAll(() => {
    slow.closeAllConnections()
    slow.close()
    slowGateway.close()
  })

  it('answers 504 in JSON when the body trickles past the timeout', async () => {
    const started = Date.now()
    const res = await rawRequest(port, requestHead('GET', '/api/v0/trickle/', '127.0.0.1'))
    expect(res.status).toBe(504)
    expect(res.headers['content-type']).toBe('application/json')
    expect(jsonBody(res)).toEqual({
      success: false,
      error: 'gateway_error',
      msg: 'The Vast API did not answer in time.',
    })
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it.each(['/api/v0/big/', '/api/v0/declared-big/'])(
    'answers the cap error for %s, larger than the cap',
    async (path) => {
      const res = await rawRequest(port, requestHead('GET', path, '127.0.0.1'))
      expect(res.status).toBe(502)
      expect(jsonBody(res)).toEqual({
        success: false,
        error: 'too_large',
        msg: 'The Vast API answer is larger than the gateway accepts.',
      })
    },
  )
})
