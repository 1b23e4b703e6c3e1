import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allowedLogUrl, createLogProxy, logPrefixesFrom } from './log-proxy.mjs'

const PREFIXES = logPrefixesFrom(undefined)

describe('allowedLogUrl', () => {
  it.each([
    ['https://s3.amazonaws.com/vast.ai/instance_logs/abc123.log', true],
    ['https://s3.amazonaws.com/vast.ai/instance_logs/a/b.log?X-Amz-Signature=1', true],
    ['https://s3.amazonaws.com/public.vast.ai/instance_logs/abc123.log', true],
    ['https://s3.amazonaws.com/vast.ai/instance_logs/', false],
    ['https://s3.amazonaws.com/public.vast.ai/instance_logs/', false],
    ['https://s3.amazonaws.com/public.vast.ai/other/abc.log', false],
    ['https://s3.amazonaws.com/public.vast.ai/instance_logs/../x.log', false],
    ['https://s3.amazonaws.com/vast.ai/other/abc.log', false],
    ['https://s3.amazonaws.com/vast.ai/instance_logs/../secrets.txt', false],
    ['https://s3.amazonaws.com/vast.ai/instance_logs/%2e%2e/x', false],
    ['https://s3.amazonaws.com/vast.ai/instance_logs/..%2fx', false],
    ['http://s3.amazonaws.com/vast.ai/instance_logs/abc.log', false],
    ['https://evil.example/vast.ai/instance_logs/abc.log', false],
    ['https://s3.amazonaws.com.evil.example/vast.ai/instance_logs/abc.log', false],
    ['https://user:pw@s3.amazonaws.com/vast.ai/instance_logs/abc.log', false],
    ['http://127.0.0.1:4173/api/v0/users/current/', false],
    ['not a url', false],
    [null, false],
  ])('%s → %s', (url, allowed) => {
    expect(allowedLogUrl(url, PREFIXES) !== null).toBe(allowed)
  })
  it("allows both of Vast's S3 log folders by default", () => {
    expect(PREFIXES).toEqual([
      'https://s3.amazonaws.com/vast.ai/instance_logs/',
      'https://s3.amazonaws.com/public.vast.ai/instance_logs/',
    ])
  })
  it('reads several comma-separated prefixes, each http(s) and ending in a slash', () => {
    expect(logPrefixesFrom(' https://a.example/logs/ , http://127.0.0.1:9/l/ ')).toEqual([
      'https://a.example/logs/',
      'http://127.0.0.1:9/l/',
    ])
    expect(logPrefixesFrom(' , ')).toEqual(PREFIXES)
    expect(() => logPrefixesFrom('file:///etc/')).toThrow()
    expect(() => logPrefixesFrom('https://a.example/logs/,https://x.example/logs')).toThrow()
  })
})

describe('createLogProxy', () => {
  let upstream: Server
  let app: Server
  let upstreamBase = ''
  let appBase = ''
  const seen: { url: string; headers: Record<string, unknown> }[] = []
  let hits = 0
  let hugeSent = 0

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers })
      if (req.url === '/logs/redirect.log') {
        res.writeHead(302, { location: 'http://example.invalid/' }).end()
        return
      }
      if (req.url === '/more-logs/b.log') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('from the second folder\n')
        return
      }
      if (req.url === '/logs/huge.log') {
        // 200 MB, chunked (no Content-Length), written only as fast as it is read.
        res.writeHead(200, { 'content-type': 'text/plain' })
        const chunk = Buffer.alloc(64 * 1024, 'x')
        const pump = () => {
          while (hugeSent < 200 * 1024 * 1024) {
            hugeSent += chunk.length
            if (!res.write(chunk)) return void res.once('drain', pump)
          }
          res.end()
        }
        res.on('close', () => res.removeAllListeners('drain'))
        pump()
        return
      }
      hits += 1
      if (hits === 1) res.writeHead(404, { 'content-type': 'application/xml' }).end('<Error/>')
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('line 1\nline 2\n')
    })
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r))
    const a = upstream.address()
    upstreamBase = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`
    const proxy = createLogProxy(
      logPrefixesFrom(`${upstreamBase}/logs/,${upstreamBase}/more-logs/`),
    )
    app = createServer((req, res) => {
      void proxy(req, res).then((handled) => {
        if (!handled) res.writeHead(418).end()
      })
    })
    await new Promise<void>((r) => app.listen(0, '127.0.0.1', r))
    const b = app.address()
    appBase = `http://127.0.0.1:${typeof b === 'object' && b ? b.port : 0}`
  })
  afterAll(async () => {
    await new Promise<void>((r) => app.close(() => r()))
    await new Promise<void>((r) => upstream.close(() => r()))
  })

  const get = (url: string, headers: Record<string, string> = {}) =>
    fetch(`${appBase}/api/logs/?url=${encodeURIComponent(url)}`, { headers })

  it('answers "not ready" until the log exists, then the text, without forwarding headers', async () => {
    const first = await get(`${upstreamBase}/logs/abc.log`, {
      authorization: 'Bearer secret-key',
      cookie: 'a=b',
    })
    expect(first.status).toBe(404)
    expect(await first.json()).toMatchObject({ error: 'not_ready' })
    const second = await get(`${upstreamBase}/logs/abc.log`)
    expect(second.status).toBe(200)
    expect(second.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(await second.text()).toBe('line 1\nline 2\n')
    expect(seen[0]?.headers.authorization).toBeUndefined()
    expect(seen[0]?.headers.cookie).toBeUndefined()
  })

  it('refuses any other URL without contacting it', async () => {
    const before = seen.length
    const res = await get(`${upstreamBase}/other/abc.log`)
    expect(res.status).toBe(400)
    expect(seen).toHaveLength(before)
  })

  it('fetches from every configured folder', async () => {
    const res = await get(`${upstreamBase}/more-logs/b.log`)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('from the second folder\n')
  })

  it('stops reading a log at the cap and answers log_too_large', async () => {
    const res = await get(`${upstreamBase}/logs/huge.log`)
    expect(res.status).toBe(502)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toEqual({
      success: false,
      error: 'log_too_large',
      msg: 'The log is too large; ask for fewer lines.',
    })
    // The cap is 8 MB: the rest of the 200 MB was never asked for (socket buffers aside).
    expect(hugeSent).toBeLessThan(24 * 1024 * 1024)
  })

  it('refuses a request another site sent, without contacting the log host', async () => {
    const before = seen.length
    const res = await get(`${upstreamBase}/logs/abc.log`, { 'sec-fetch-site': 'cross-site' })
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ success: false, error: 'cross_site' })
    expect(seen).toHaveLength(before)
  })

  it('does not follow redirects', async () => {
    const res = await get(`${upstreamBase}/logs/redirect.log`)
    expect(res.status).toBe(502)
  })

  it('leaves every other path to the next handler', async () => {
    expect((await fetch(`${appBase}/api/v0/users/current/`)).status).toBe(418)
  })
})
