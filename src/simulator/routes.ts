/**
 * Route plumbing for the handlers: path matching, request reading, and auth and rate limits per
 * route.
 */
import { delay, http, HttpResponse, type HttpCustomPredicate, type HttpHandler } from 'msw'
import {
  authenticate,
  checkRateLimit,
  containerKey,
  getWorld,
  logRequest,
  marketWorld,
  type RateLimitKey,
  type World,
} from './model'
import { refusalFor } from './refusals'
import { CONTENT_TYPES, dropped, fail, invalidJson, type SimResponse } from './responses'

type Params = Record<string, string>
type Method = 'get' | 'post' | 'put' | 'delete'

/** Matches `/api/v0/instances/:id/` against the pathname only (any origin, any base). */
export function pathPredicate(pattern: string): HttpCustomPredicate<Params> {
  const parts = pattern.split('/')
  return ({ request }) => {
    const segments = new URL(request.url).pathname.split('/')
    if (segments.length !== parts.length) return false
    const params: Params = {}
    for (const [i, part] of parts.entries()) {
      const segment = segments[i] ?? ''
      if (part.startsWith(':')) {
        if (segment === '') return false
        try {
          params[part.slice(1)] = decodeURIComponent(segment)
        } catch {
          return false
        }
      } else if (part !== segment) return false
    }
    return { matches: true, params }
  }
}

export function toHttp(res: SimResponse): Response {
  // A dropped connection: the caller's fetch fails (serve.ts destroys the socket).
  if (res.kind === 'drop') return Response.error()
  const body = res.kind === 'json' ? JSON.stringify(res.body) : res.body
  return new HttpResponse(body, {
    status: res.status,
    headers: { 'content-type': CONTENT_TYPES[res.kind], ...res.headers },
  })
}

/** The key from `Authorization: Bearer <key>` (or the legacy `?api_key=`); any other scheme is a wrong key. */
function keyOf(request: Request, url: URL): string | null {
  const header = request.headers.get('authorization')
  if (header !== null && header.trim() !== '') {
    const bearer = /^Bearer\s*(.*)$/i.exec(header.trim())
    return bearer ? (bearer[1] ?? '').trim() : header
  }
  return url.searchParams.get('api_key')
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

interface Received {
  url: URL
  key: string | null
  text: string
}

/** Logs the request in its world (never the Authorization header) and applies the world's latency. */
export async function receive(request: Request): Promise<Received> {
  const url = new URL(request.url)
  const key = keyOf(request, url)
  const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text()
  const world = key ? (getWorld(key.trim()) ?? containerKey(key.trim())?.world) : undefined
  if (world) {
    const query = Object.fromEntries(
      [...url.searchParams].map(([k, v]) => [k, k === 'api_key' ? '<redacted>' : v]),
    )
    logRequest(world, {
      method: request.method,
      path: url.pathname,
      query,
      body: text === '' ? undefined : parseText(text),
    })
    if (world.switches.latencyMs > 0) await delay(world.switches.latencyMs)
  }
  return { url, key, text }
}

/** A body must be JSON sent as `application/json`, as Vast requires (400 otherwise). */
function readBody(request: Request, text: string): { body: unknown } | null {
  if (text.trim() === '') return { body: undefined }
  if (!/application\/json/i.test(request.headers.get('content-type') ?? '')) return null
  try {
    return { body: JSON.parse(text) }
  } catch {
    return null
  }
}

export interface Context {
  /** The caller's world (the default test world for an anonymous search). */
  world: World
  params: Params
  url: URL
  body: unknown
}

interface RouteSpec {
  auth: 'required' | 'optional'
  limit?: RateLimitKey
  /** A container's own key may call this route for its own instance (`:id`). */
  container?: boolean
}

/** A container key on a route it may use for its own instance: that world; else the refusal. */
function containerAuth(
  key: string | null,
  spec: RouteSpec,
  params: Params,
): { ok: true; world: World } | { ok: false; response: SimResponse } | null {
  const found = key ? containerKey(key.trim()) : null
  if (!found) return null
  if (spec.container && params.id === String(found.instanceId))
    return { ok: true, world: found.world }
  return {
    ok: false,
    response: fail(
      403,
      'not_authorized',
      'This key is limited to its own instance (start, stop, destroy, show).',
    ),
  }
}

/** Order of checks: auth, rate limit, body, then the endpoint itself. */
export function apiRoute(
  method: Method,
  pattern: string,
  spec: RouteSpec,
  resolve: (ctx: Context) => SimResponse,
): HttpHandler {
  return http[method](pathPredicate(pattern), async ({ request, params }) => {
    const { url, key, text } = await receive(request)
    const container = containerAuth(key, spec, params)
    if (container && !container.ok) return toHttp(container.response)
    const auth = container
      ? { ok: true as const, world: container.world }
      : authenticate(key, spec.auth)
    if (auth.ok && auth.world?.switches.down) return toHttp(dropped())
    if (!auth.ok) return toHttp(auth.response)
    const limited = spec.limit ? checkRateLimit(auth.world, spec.limit) : null
    if (limited) return toHttp(limited)
    const read = readBody(request, text)
    if (!read) return toHttp(invalidJson())
    const refused = auth.world ? refusalFor(auth.world, method, pattern, params, read.body) : null
    if (refused) return toHttp(refused)
    const res = resolve({ world: auth.world ?? marketWorld(), params, url, body: read.body })
    if (res.kind === 'json' && res.delayMs) await delay(res.delayMs)
    return toHttp(res)
  })
}

/** A route that needs no key. */
export function openRoute(
  method: Method,
  pattern: string,
  resolve: () => SimResponse,
): HttpHandler {
  return http[method](pathPredicate(pattern), async ({ request }) => {
    await receive(request)
    return toHttp(resolve())
  })
}
