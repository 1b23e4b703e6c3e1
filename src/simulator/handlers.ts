/**
 * MSW handlers over the model. Routes match the URL's pathname from the origin root, so the same
 * handlers serve origin-relative requests in the browser worker and absolute URLs in Node, and
 * never touch non-API paths such as `/src/api/client.ts`. The last handler answers every other
 * `/api/*` request, so nothing ever falls through to the real API.
 */
import { delay, http, HttpResponse, type HttpCustomPredicate, type HttpHandler } from 'msw'
import {
  accountIdOf,
  authenticate,
  checkRateLimit,
  containerKey,
  currentUser,
  deprecatedInstanceList,
  destroyInstance,
  getWorld,
  gpuNamesResponse,
  listInstancesPage,
  logRequest,
  manageInstance,
  marketWorld,
  rebootInstance,
  rent,
  searchOffers,
  showInstance,
  type RateLimitKey,
  type World,
} from './model'
import { LOG_PATH_PREFIX, readLog, requestLogs } from './logs'
import { sshKeyRoutes } from './ssh-keys'
import { chargeRoutes, rememberDestroyed } from './charges'
import { searchTemplates } from './templates'
import {
  CONTENT_TYPES,
  dropped,
  fail,
  invalidJson,
  movedPermanently,
  routeNotFound,
  type SimResponse,
} from './responses'

type Params = Record<string, string>
type Method = 'get' | 'post' | 'put' | 'delete'

/** Matches `/api/v0/instances/:id/` against the pathname only (any origin, any base). */
function pathPredicate(pattern: string): HttpCustomPredicate<Params> {
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

function toHttp(res: SimResponse): Response {
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
async function receive(request: Request): Promise<Received> {
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

interface Context {
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
function apiRoute(
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
    const res = resolve({ world: auth.world ?? marketWorld(), params, url, body: read.body })
    if (res.kind === 'json' && res.delayMs) await delay(res.delayMs)
    return toHttp(res)
  })
}

/** A route that needs no key. */
function openRoute(method: Method, pattern: string, resolve: () => SimResponse): HttpHandler {
  return http[method](pathPredicate(pattern), async ({ request }) => {
    await receive(request)
    return toHttp(resolve())
  })
}

function searchFromQueryString({ world, url }: Context): SimResponse {
  const q = url.searchParams.get('q')
  if (q === null) return searchOffers(world, {})
  try {
    return searchOffers(world, JSON.parse(q))
  } catch {
    return invalidJson()
  }
}

/** Every other `/api/*` request: 301 without the trailing slash (HTML, like Vast), else 501. */
const catchAll = http.all(
  ({ request }) => new URL(request.url).pathname.startsWith('/api/'),
  async ({ request }) => {
    const { url } = await receive(request)
    if (!url.pathname.endsWith('/'))
      return toHttp(movedPermanently(`${url.pathname}/${url.search}`))
    return toHttp(
      fail(
        501,
        'not_simulated',
        `${request.method} ${url.pathname} is not simulated (the simulator never calls the real API).`,
      ),
    )
  },
)

export function createHandlers(): HttpHandler[] {
  return [
    apiRoute(
      'get',
      '/api/v0/users/current/',
      { auth: 'required', limit: 'users-current' },
      ({ world }) => currentUser(world),
    ),
    openRoute('get', '/api/v0/gpu_names/unique/', gpuNamesResponse),
    apiRoute(
      'post',
      '/api/v0/bundles/',
      { auth: 'optional', limit: 'bundles' },
      ({ world, body }) => searchOffers(world, body),
    ),
    apiRoute(
      'get',
      '/api/v0/bundles/',
      { auth: 'optional', limit: 'bundles' },
      searchFromQueryString,
    ),
    apiRoute(
      'put',
      '/api/v0/asks/:id/',
      { auth: 'required', limit: 'asks' },
      ({ world, params, body }) => rent(world, params.id ?? '', body),
    ),
    apiRoute(
      'get',
      '/api/v1/instances/',
      { auth: 'required', limit: 'instances-list' },
      ({ world, url }) => listInstancesPage(world, url.searchParams),
    ),
    openRoute('get', '/api/v0/instances/', deprecatedInstanceList),
    apiRoute(
      'get',
      '/api/v0/instances/:id/',
      { auth: 'required', limit: 'instance-get', container: true },
      ({ world, params }) => showInstance(world, params.id ?? ''),
    ),
    apiRoute(
      'put',
      '/api/v0/instances/request_logs/:id/',
      { auth: 'required', container: true },
      ({ world, params, body, url }) => requestLogs(world, params.id ?? '', body, url.origin),
    ),
    // S3's part: the pre-signed result_url, no key needed.
    http.get(pathPredicate(`${LOG_PATH_PREFIX}:file`), ({ params }) =>
      toHttp(readLog(String(params.file ?? ''))),
    ),
    // The app server's log proxy (server/log-proxy.mjs), for the demo and unit tests, where the
    // browser worker or msw/node stands in for that server.
    http.get(pathPredicate('/api/logs/'), ({ request }) => {
      const target = new URL(request.url).searchParams.get('url') ?? ''
      const path = URL.canParse(target) ? new URL(target).pathname : ''
      if (!path.startsWith(LOG_PATH_PREFIX))
        return toHttp(fail(400, 'url_not_allowed', 'Only Vast log URLs can be fetched.'))
      const res = readLog(path.slice(LOG_PATH_PREFIX.length))
      return toHttp(res.status === 404 ? fail(404, 'not_ready', 'The log is not ready yet.') : res)
    }),
    apiRoute(
      'put',
      '/api/v0/instances/reboot/:id/',
      { auth: 'required', limit: 'instance-reboot' },
      ({ world, params }) => rebootInstance(world, params.id ?? ''),
    ),
    apiRoute(
      'put',
      '/api/v0/instances/:id/',
      { auth: 'required', limit: 'instance-put', container: true },
      ({ world, params, body }) => manageInstance(world, params.id ?? '', body),
    ),
    apiRoute(
      'delete',
      '/api/v0/instances/:id/',
      { auth: 'required', limit: 'instance-delete', container: true },
      ({ world, params }) => {
        const inst = world.instances.get(Number(params.id))
        const res = destroyInstance(world, params.id ?? '')
        if (res.status === 200) rememberDestroyed(world, inst)
        return res
      },
    ),
    // Destroy exists only on v0: the v1 route answers 404 (reference §2.2).
    openRoute('delete', '/api/v1/instances/:id/', routeNotFound),
    apiRoute(
      'get',
      '/api/v0/template/',
      { auth: 'required', limit: 'templates-search' },
      ({ world, url }) => searchTemplates(accountIdOf(world), url.searchParams),
    ),
    ...sshKeyRoutes(apiRoute),
    ...chargeRoutes(apiRoute),
    catchAll,
  ]
}

export const handlers: HttpHandler[] = createHandlers()
