/**
 * Instance calls. Verb-and-path routing: the list is v1 (`/api/v1/instances/`, 25 a page, followed
 * by next_token); every per-id call (GET, PUT, DELETE, logs, reboot) stays on v0.
 */
import * as z from 'zod/mini'
import { apiRequest } from '../client'
import { ApiError, isApiError } from '../errors'
import { parseRows, successSchema } from '../parse'
import {
  instanceEnvelopeSchema,
  instanceSchema,
  instancesPageSchema,
  logsResultSchema,
  type Instance,
} from './schemas'

export interface InstanceList {
  instances: Instance[]
  dropped: number
  /** True when the page cap was reached before the last page. */
  truncated: boolean
  /** Pages the last full listing took (25 instances a page). */
  pages: number
  /** When the last full listing finished (ms since epoch); subset refreshes keep it. */
  fullAt: number
  /** The held account (api-key-store id) the list belongs to, when known. */
  account?: string | null
}

/** Hard cap on pages followed per list (25 per page): 2,000 instances. */
export const MAX_INSTANCE_PAGES = 80

/** One page of the v1 list; JSON filters go in the query string as JSON strings. */
function listPage(query: Record<string, string | number>, signal?: AbortSignal, key?: string) {
  return apiRequest({
    route: 'instances-list',
    method: 'GET',
    path: '/api/v1/instances/',
    query: { limit: 25, ...query },
    schema: instancesPageSchema,
    signal,
    key,
  })
}

/**
 * All instances, following next_token page by page (25 a page). `key` lists another held
 * account's instances (the combined view); by default the active account's.
 */
export async function listInstances(signal?: AbortSignal, key?: string): Promise<InstanceList> {
  const instances: Instance[] = []
  let dropped = 0
  let token: string | null | undefined = null
  for (let page = 1; page <= MAX_INSTANCE_PAGES; page += 1) {
    const result: z.infer<typeof instancesPageSchema> = await listPage(
      token ? { after_token: token } : {},
      signal,
      key,
    )
    const parsed = parseRows(instanceSchema, result.instances)
    instances.push(...parsed.rows)
    dropped += parsed.dropped
    token = result.next_token
    if (!token) return { instances, dropped, truncated: false, pages: page, fullAt: Date.now() }
  }
  return { instances, dropped, truncated: true, pages: MAX_INSTANCE_PAGES, fullAt: Date.now() }
}

/** Up to 25 instances by id, in one request (the fast poll of the ones that are changing). */
export async function listInstancesById(
  ids: readonly number[],
  signal?: AbortSignal,
): Promise<{ instances: Instance[]; dropped: number }> {
  if (ids.length === 0) return { instances: [], dropped: 0 }
  if (ids.length > 25) throw new Error('listInstancesById takes at most 25 ids')
  const result = await listPage({ select_filters: JSON.stringify({ id: { in: ids } }) }, signal)
  const parsed = parseRows(instanceSchema, result.instances)
  return { instances: parsed.rows, dropped: parsed.dropped }
}

export async function getInstance(id: number, signal?: AbortSignal): Promise<Instance | null> {
  const { instances } = await apiRequest({
    route: 'instance-get',
    method: 'GET',
    path: `/api/v0/instances/${id}/`,
    schema: instanceEnvelopeSchema,
    signal,
  })
  if (instances === null || instances === undefined) return null
  const parsed = z.safeParse(instanceSchema, instances)
  if (!parsed.success)
    throw new ApiError('parse', `Instance ${id} came back in a shape this app does not understand.`)
  return parsed.data
}

function manageInstance(id: number, body: Record<string, unknown>) {
  return apiRequest({
    route: 'instance-put',
    method: 'PUT',
    path: `/api/v0/instances/${id}/`,
    body,
    schema: successSchema,
  })
}

export const startInstance = (id: number) => manageInstance(id, { state: 'running' })
export const stopInstance = (id: number) => manageInstance(id, { state: 'stopped' })
export const labelInstance = (id: number, label: string) => manageInstance(id, { label })

/** Asks Vast for an instance's log (last `tail` lines); answers where it will appear. */
export async function requestLogs(id: number, tail: number): Promise<string> {
  const { result_url } = await apiRequest({
    route: 'instance-get',
    method: 'PUT',
    path: `/api/v0/instances/request_logs/${id}/`,
    body: { tail: String(tail) },
    schema: logsResultSchema,
  })
  return result_url
}

export const LOG_POLL_MS = 1_000
export const LOG_POLL_TRIES = 20

/**
 * Reads a `result_url` through the app's own log proxy (`/api/logs/`, which fetches only Vast's
 * log folder), retrying while it answers "not ready". No key is sent: the URL is pre-signed.
 */
export async function fetchLogText(
  resultUrl: string,
  options: { signal?: AbortSignal; onWait?: (attempt: number) => void } = {},
): Promise<string> {
  for (let attempt = 1; attempt <= LOG_POLL_TRIES; attempt += 1) {
    options.signal?.throwIfAborted()
    let res: Response
    try {
      res = await fetch(`/api/logs/?url=${encodeURIComponent(resultUrl)}`, {
        credentials: 'omit',
        signal: options.signal,
      })
    } catch (cause) {
      if (options.signal?.aborted) throw cause
      throw new ApiError('network', 'Could not reach the log proxy.', { cause })
    }
    if (res.ok) return res.text()
    if (res.status !== 404) {
      throw new ApiError('server', `The log could not be read (${res.status}).`, {
        status: res.status,
      })
    }
    options.onWait?.(attempt)
    await new Promise((resolve) => setTimeout(resolve, LOG_POLL_MS))
  }
  throw new ApiError('server', 'Vast did not publish the log in time. Try again.')
}

/** Reboots a running instance in place (docker stop/start, the GPU is kept). Never retried. */
export function rebootInstance(id: number) {
  return apiRequest({
    route: 'instance-put',
    method: 'PUT',
    path: `/api/v0/instances/reboot/${id}/`,
    body: {},
    schema: successSchema,
  })
}

/**
 * Changes an interruptible instance's bid: `PUT /api/v0/instances/bid_price/{id}/`
 * `{client_id: "me", price}` (docs yaml/change_bid; cli `change__bid`). Never retried.
 */
export function changeBid({ id, price }: { id: number; price: number }) {
  return apiRequest({
    route: 'bid-price',
    method: 'PUT',
    path: `/api/v0/instances/bid_price/${id}/`,
    body: { client_id: 'me', price },
    schema: successSchema,
  })
}

/**
 * Destroys an instance. Vast's own 404 `not_found` means it is already gone (e.g. an earlier
 * answer was lost): done. Any other 404 (a wrong route, an HTML page) is an error: the GPU may
 * still be billing.
 */
export async function destroyInstance(id: number): Promise<void> {
  try {
    await apiRequest({
      route: 'instance-delete',
      method: 'DELETE',
      path: `/api/v0/instances/${id}/`,
      body: {},
      schema: successSchema,
    })
  } catch (error) {
    if (isApiError(error) && error.kind === 'not_found' && error.code === 'not_found') return
    throw error
  }
}
