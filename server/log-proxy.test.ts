import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allowedLogUrl, createLogProxy, logPrefixFrom } from './log-proxy.mjs'

const PREFIX = 'https://s3.amazonaws.com/vast.ai/instance_logs/'

describe('allowedLogUrl', () => {
  it.each([
    ['https://s3.amazonaws.com/vast.ai/instance_logs/abc123.log', true],
    ['https://s3.amazonaws.com/vast.ai/instance_logs/a/b.log?X-Amz-Signature=1', true],
    ['https://s3.amazonaws.com/vast.ai/instance_logs/', false],
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
    expect(allowedLogUrl(url, PREFIX) !== null).toBe(allowed)
  })
  it('needs an http(s) prefix ending in a slash', () => {
    expect(logPrefixFrom(undefined)).toBe(PREFIX)
    expect(() => logPrefixFrom('file:///etc/')).toThrow()
    expect(() => logPrefixFrom('https://x.example/logs')).toThrow()
  })
})

describe('createLogProxy', () => {
  let upstream: Server
  let app: Server
  let upstreamBase = ''
  let appBase = ''
  const seen: { url: string; headers: Record<string, unknown> }[] = []
  let hits = 0

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers })
      if (req.url === '/logs/redirect.log') {
        res.writeHead(302, { location: 'http://example.invalid/' }).end()
        return
      }
      hits += 1
      if (hits === 1) res.writeHead(404, { 'content-type': 'application/xml' }).end('<Error/>')
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('line 1\nline 2\n')
    })
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r))
    const a = upstream.address()
    upstreamBase = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`
    const proxy = createLogProxy(logPrefixFrom(`${upstreamBase}/logs/`))
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

  it('does not follow redirects', async () => {
    const res = await get(`${upstreamBase}/logs/redirect.log`)
    expect(res.status).toBe(502)
  })

  it('leaves every other path to the next handler', async () => {
    expect((await fetch(`${appBase}/api/v0/users/current/`)).status).toBe(418)
  })
})
