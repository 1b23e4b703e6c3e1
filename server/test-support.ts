// Test helpers for the server tests: raw HTTP/1.1 over node:net (fetch would normalise the
// request target and the Host header away), a local HTTP server on an ephemeral loopback port,
// `npm start`'s server as a child process, and a throw-away dist/ with files beside it that must
// never be served.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface RawResponse {
  status: number
  headers: Record<string, string>
  body: string
  /** Everything the server sent, status line and headers included. */
  raw: string
}

/**
 * Sends `head` (request line and headers, without the blank line) and then `body`, and reads
 * until the server closes. A connection reset before any answer rejects.
 */
export function rawRequest(
  port: number,
  head: string,
  body: Buffer | string = '',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const raw = Buffer.concat(chunks).toString('latin1')
      const split = raw.indexOf('\r\n\r\n')
      const lines = raw.slice(0, split === -1 ? raw.length : split).split('\r\n')
      const headers: Record<string, string> = {}
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(':')
        if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim()
      }
      resolve({
        status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1] ?? 0),
        headers,
        body: decodeBody(split === -1 ? '' : raw.slice(split + 4), headers['transfer-encoding']),
        raw,
      })
    })
    // No half-close: Node's server drops a request whose client has ended its side.
    // Head and body in one write: a server that answers early (a refused path) and closes must not
    // meet body bytes arriving after it closed (the kernel would reset the connection).
    socket.write(
      Buffer.concat([
        Buffer.from(`${head}\r\nConnection: close\r\n\r\n`, 'latin1'),
        Buffer.from(body),
      ]),
    )
  })
}

function decodeBody(body: string, transferEncoding: string | undefined): string {
  if (transferEncoding !== 'chunked') return body
  let out = ''
  let rest = body
  for (;;) {
    const lineEnd = rest.indexOf('\r\n')
    const size = parseInt(rest.slice(0, lineEnd), 16)
    if (!(size > 0)) return out
    out += rest.slice(lineEnd + 2, lineEnd + 2 + size)
    rest = rest.slice(lineEnd + 2 + size + 2)
  }
}

/** `METHOD target` with a Host header (and any other header lines). */
export function requestHead(
  method: string,
  target: string,
  host: string,
  ...lines: string[]
): string {
  return [`${method} ${target} HTTP/1.1`, `Host: ${host}`, ...lines].join('\r\n')
}

/** Parses a JSON error answer's body. */
export function jsonBody(res: RawResponse): unknown {
  return JSON.parse(res.body)
}

export async function listen(handler: RequestListener): Promise<{ server: Server; port: number }> {
  const server = createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, port: portOf(server) }
}

export function portOf(server: Server): number {
  const address = server.address()
  return typeof address === 'object' && address ? (address satisfies AddressInfo).port : 0
}

/** A port free right now (the server under test takes it a moment later). */
export async function freePort(): Promise<number> {
  const { server, port } = await listen(() => undefined)
  await new Promise((resolve) => server.close(resolve))
  return port
}

export const SECRET = 'outside-dist-secret-7f3a'

/**
 * A dist/ with index.html and assets/app.js, and beside it what must stay unreachable: a sibling
 * folder whose name starts like dist's (`dist-sim/serve.js`) and a file in the parent folder.
 */
export function makeDist(): string {
  const parent = mkdtempSync(join(tmpdir(), 'vast-console-'))
  const dist = join(parent, 'dist')
  mkdirSync(join(dist, 'assets'), { recursive: true })
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>')
  writeFileSync(join(dist, 'assets', 'app.js'), 'export {}')
  mkdirSync(join(parent, 'dist-sim'))
  writeFileSync(join(parent, 'dist-sim', 'serve.js'), `// ${SECRET}`)
  writeFileSync(join(parent, 'secret.txt'), SECRET)
  return dist
}

export interface Started {
  child: ChildProcess
  /** stdout and stderr so far. */
  output: () => string
}

/** Starts server/main.mjs with `env` and resolves once it says it is listening. */
export function startServer(env: Record<string, string>): Promise<Started> {
  return new Promise((resolve, reject) => {
    let output = ''
    const child = spawn(process.execPath, ['server/main.mjs'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Vast GPU Console on')) resolve({ child, output: () => output })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)))
  })
}

export interface Gateway {
  /** `npm start`'s server, on `port`, forwarding to `upstream`. */
  app: Started
  port: number
  upstream: Server
  stop: () => Promise<void>
}

/**
 * Starts an upstream with `handler` and `npm start`'s server in front of it (loopback, a
 * throw-away dist/ from makeDist(), plus `env`).
 */
export async function startBehindUpstream(
  handler: RequestListener,
  env: Record<string, string> = {},
): Promise<Gateway> {
  const up = await listen(handler)
  const port = await freePort()
  const app = await startServer({
    PORT: String(port),
    HOST: '127.0.0.1',
    DIST_DIR: makeDist(),
    VAST_API_URL: `http://127.0.0.1:${up.port}`,
    ...env,
  })
  return {
    app,
    port,
    upstream: up.server,
    stop: async () => {
      app.child.kill()
      up.server.closeAllConnections()
      await new Promise((resolve) => up.server.close(resolve))
    },
  }
}
