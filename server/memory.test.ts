// @vitest-environment node
// Memory stays bounded: an upstream streams 200 MB (chunked, no Content-Length, as fast as the
// gateway reads), and `npm start`'s server (a child process) answers the cap error while its
// resident memory grows by less than the cap plus a margin.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { MAX_RESPONSE_BYTES } from './proxy.mjs'
import {
  jsonBody,
  rawRequest,
  requestHead,
  startBehindUpstream,
  type Gateway,
} from './test-support'

const MB = 1024 * 1024
const STREAMED = 200 * MB
/**
 * Besides the capped body it holds, the gateway leaves the socket buffers it read as garbage
 * that V8 frees at its own pace (measured: +55–75 MB in all for the 32 MB cap); generous.
 */
const MARGIN = 64 * MB

let gateway: Gateway
let sent = 0

/** Resident set size of a process, in bytes (Linux /proc, else ps). */
function rss(pid: number): number {
  const status = `/proc/${pid}/status`
  if (existsSync(status)) {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'))?.[1]
    return Number(kb) * 1024
  }
  return (
    Number(
      execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
        .toString()
        .trim(),
    ) * 1024
  )
}

beforeAll(async () => {
  gateway = await startBehindUpstream((req, res) => {
    if (req.url !== '/api/v0/bundles/') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"offers":[]}')
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' })
    const chunk = Buffer.alloc(256 * 1024, ' ')
    const pump = () => {
      while (sent < STREAMED) {
        sent += chunk.length
        if (!res.write(chunk)) return void res.once('drain', pump)
      }
      res.end()
    }
    res.on('close', () => res.removeAllListeners('drain'))
    pump()
  })
})

afterAll(() => gateway.stop())

it('answers the cap error to a 200 MB answer, its memory growing by less than the cap plus a margin', async () => {
  const pid = gateway.app.child.pid ?? 0
  const port = gateway.port
  // Warm up the paths a request takes (fetch, the proxy), so their code is not counted.
  await rawRequest(port, requestHead('GET', '/api/v0/users/current/', '127.0.0.1'))
  const before = rss(pid)
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, rss(pid))), 10)
  const res = await rawRequest(
    port,
    requestHead('POST', '/api/v0/bundles/', '127.0.0.1', 'Content-Length: 2'),
    '{}',
  )
  clearInterval(sampler)
  peak = Math.max(peak, rss(pid))
  expect(res.status).toBe(502)
  expect(jsonBody(res)).toEqual({
    success: false,
    error: 'too_large',
    msg: 'The Vast API answer is larger than the gateway accepts.',
  })
  const grew = peak - before
  console.info(
    `RSS ${(before / MB).toFixed(1)} MB → peak ${(peak / MB).toFixed(1)} MB ` +
      `(+${(grew / MB).toFixed(1)} MB; cap ${MAX_RESPONSE_BYTES / MB} MB; upstream wrote ${(sent / MB).toFixed(0)} MB)`,
  )
  expect(grew).toBeLessThan(MAX_RESPONSE_BYTES + MARGIN)
  expect(sent).toBeLessThan(STREAMED)
})
