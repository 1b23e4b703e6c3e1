/**
 * The simulator over real HTTP, for e2e and for humans: `npm run mock-api`, then run the app with
 * VAST_API_URL=http://127.0.0.1:8787. `/api/*` is answered by the same MSW handlers as in tests
 * (through `getResponse`); `/__sim/*` are loopback-only control routes, which the app's proxy
 * never forwards (it forwards `/api/v0/` and `/api/v1/` only).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { getResponse } from 'msw'
import * as z from 'zod/mini'
import { handlers } from './handlers'
import { seedChargeHistory } from './charge-history'
import {
  advance,
  createWorld,
  deleteWorld,
  emailOf,
  getWorld,
  requestLog,
  resetSimulator,
  simulate,
  switchesSchema,
  TEST_KEY,
  worldNow,
  worldOptionsSchema,
  type World,
} from './model'

const HOST = '127.0.0.1'
const PORT = Number(process.env.MOCK_PORT ?? 8787)
const MAX_BODY_BYTES = 1_000_000
/** Hop-by-hop and framing headers are not copied into the Fetch Request. */
const SKIPPED_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'keep-alive',
  'upgrade',
])

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'))
        req.destroy()
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

async function answerApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase()
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || SKIPPED_HEADERS.has(name)) continue
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v)
  }
  const hasBody = method !== 'GET' && method !== 'HEAD'
  const request = new Request(url, {
    method,
    headers,
    body: hasBody ? await readBody(req) : undefined,
  })
  const response = await getResponse(handlers, request)
  if (!response) {
    send(res, 501, {
      success: false,
      error: 'not_simulated',
      msg: `${method} ${url.pathname} is not simulated.`,
    })
    return
  }
  // Response.error(): the connection drops without an answer, as when Vast is unreachable.
  if (response.type === 'error') {
    res.destroy()
    return
  }
  res.writeHead(response.status, Object.fromEntries(response.headers.entries()))
  res.end(Buffer.from(await response.arrayBuffer()))
}

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req)
  return text.trim() === '' ? {} : JSON.parse(text)
}

const advanceSchema = z.object({ ms: z.number().check(z.gte(0)) })
/** `POST /__sim/worlds/:key/charges {contracts}`: a seeded charge history of that size (bench). */
const chargeHistorySchema = z.object({ contracts: z.int().check(z.gte(0), z.lte(100_000)) })

function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (address === '::1' || /^(::ffff:)?127\./.test(address))
}

/** `/__sim/...`: create worlds, move their clocks, flip switches, read their request logs. */
async function answerControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (!isLoopback(req.socket.remoteAddress)) {
    send(res, 403, { error: 'forbidden', msg: 'control routes answer loopback clients only' })
    return
  }
  const method = (req.method ?? 'GET').toUpperCase()
  const path = url.pathname
  if (method === 'GET' && path === '/__sim/health') return send(res, 200, { ok: true })
  if (method === 'POST' && path === '/__sim/reset') {
    resetSimulator()
    return send(res, 200, { ok: true })
  }
  if (method === 'POST' && path === '/__sim/worlds') {
    const options = z.safeParse(worldOptionsSchema, await jsonBody(req))
    if (!options.success)
      return send(res, 400, { error: 'invalid_options', msg: z.prettifyError(options.error) })
    const world = createWorld(options.data)
    return send(res, 201, { key: world.key, email: emailOf(world) })
  }
  const match =
    /^\/__sim\/worlds\/([^/]+)(?:\/(advance|simulate|requests|stats|charges))?\/?$/.exec(path)
  const key = match?.[1] ? decodeURIComponent(match[1]) : undefined
  const world: World | undefined = key === undefined ? undefined : getWorld(key)
  if (!match || !key)
    return send(res, 404, { error: 'not_found', msg: `no control route ${method} ${path}` })
  if (!world) return send(res, 404, { error: 'no_such_world', msg: 'no world has that key' })
  const action = match[2]
  if (method === 'DELETE' && action === undefined) {
    deleteWorld(key)
    return send(res, 200, { ok: true })
  }
  if (method === 'POST' && action === 'advance') {
    const body = z.safeParse(advanceSchema, await jsonBody(req))
    if (!body.success)
      return send(res, 400, { error: 'invalid_args', msg: z.prettifyError(body.error) })
    advance(world, body.data.ms)
    return send(res, 200, { now: worldNow(world) })
  }
  if (method === 'POST' && action === 'simulate') {
    const body = z.safeParse(switchesSchema, await jsonBody(req))
    if (!body.success)
      return send(res, 400, { error: 'invalid_switches', msg: z.prettifyError(body.error) })
    simulate(world, body.data)
    return send(res, 200, { switches: world.switches })
  }
  if (method === 'POST' && action === 'charges') {
    const body = z.safeParse(chargeHistorySchema, await jsonBody(req))
    if (!body.success)
      return send(res, 400, { error: 'invalid_args', msg: z.prettifyError(body.error) })
    seedChargeHistory(world, body.data.contracts)
    return send(res, 200, { contracts: body.data.contracts })
  }
  if (method === 'GET' && action === 'requests') return send(res, 200, requestLog(world))
  if (method === 'GET' && action === 'stats')
    return send(res, 200, { requests: world.log.length, rateLimited: world.rateLimited })
  send(res, 404, { error: 'not_found', msg: `no control route ${method} ${path}` })
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', `http://${HOST}:${PORT}`)
  // `/vast.ai/instance_logs/…` plays S3 for request_logs' result_url (same handlers).
  const answer =
    url.pathname.startsWith('/api/') || url.pathname.startsWith('/vast.ai/instance_logs/')
      ? answerApi(req, res, url)
      : url.pathname.startsWith('/__sim/')
        ? answerControl(req, res, url)
        : Promise.resolve(
            send(res, 404, {
              error: 'not_found',
              msg: 'The Vast API simulator answers /api/* and /__sim/*.',
            }),
          )
  answer.catch((error: unknown) => {
    if (!res.headersSent)
      send(res, 500, {
        error: 'simulator_error',
        msg: error instanceof Error ? error.message : String(error),
      })
    else res.end()
  })
})

const humanKey = process.env.MOCK_KEY?.trim()
if (humanKey) createWorld({ key: humanKey, clock: 'real', offers: 200, instances: 3 })

server.listen(PORT, HOST, () => {
  const base = `http://${HOST}:${PORT}`
  console.log(`Vast API simulator on ${base}`)
  console.log(
    `  Test world key: ${TEST_KEY} (manual clock: POST ${base}/__sim/worlds/${TEST_KEY}/advance {"ms":30000})`,
  )
  console.log(
    humanKey
      ? '  A real-clock world (200 offers, 3 instances) answers the key in MOCK_KEY.'
      : '  Set MOCK_KEY=<any string> to get a real-clock world (200 offers, 3 instances) for that key.',
  )
  console.log(`  Run the app against it: VAST_API_URL=${base} npm run dev, then enter that key.`)
})

const stop = () => {
  server.close(() => process.exit(0))
  server.closeIdleConnections()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
