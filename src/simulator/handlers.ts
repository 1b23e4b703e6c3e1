/**
 * MSW handlers over the model. Routes match the URL's pathname from the origin root, so the same
 * handlers serve origin-relative requests in the browser worker and absolute URLs in Node, and
 * never touch non-API paths such as `/src/api/client.ts`. The last handler answers every other
 * `/api/*` request, so nothing ever falls through to the real API.
 */
import { http, type HttpHandler } from 'msw'
import {
  accountIdOf,
  currentUser,
  deprecatedInstanceList,
  destroyInstance,
  gpuNamesResponse,
  listInstancesPage,
  manageInstance,
  rebootInstance,
  rent,
  searchOffers,
  showInstance,
} from './model'
import { LOG_PATH_PREFIX, readLog, requestLogs } from './logs'
import { sshKeyRoutes } from './ssh-keys'
import { rememberDestroyed } from './charge-history'
import { chargeRoutes } from './charges'
import { searchTemplates } from './templates'
import { fail, invalidJson, movedPermanently, routeNotFound, type SimResponse } from './responses'

import { pathPredicate, toHttp, receive, type Context, apiRoute, openRoute } from './routes'
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
