/**
 * One function per Vast call. Verb-and-path routing lives here alone: the instance list is v1,
 * every other call (per-id GET/PUT/DELETE included) stays on v0.
 */
import * as z from 'zod/mini'
import { apiRequest } from './client'
import { ApiError, isApiError } from './errors'
import { acquireRentLock } from './rent-lock'
import { bundlesBody, type BundlesQuery } from './bundles-query'
import {
  accountSchema,
  gpuNamesSchema,
  instanceEnvelopeSchema,
  instanceSchema,
  instancesPageSchema,
  logsResultSchema,
  offerSchema,
  offersEnvelopeSchema,
  parseRows,
  rentResultSchema,
  successSchema,
  type Account,
  type Instance,
  type Offer,
  type RentResult,
} from './schemas'

export interface OfferSearchResult {
  offers: Offer[]
  /** Rows that could not be read (dropped, never shown with guessed values). */
  dropped: number
}

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

export function getAccount(options: { key?: string; signal?: AbortSignal } = {}): Promise<Account> {
  return apiRequest({
    route: 'account',
    method: 'GET',
    path: '/api/v0/users/current/',
    schema: accountSchema,
    ...options,
  })
}

export async function getGpuNames(signal?: AbortSignal): Promise<string[]> {
  const { gpu_names } = await apiRequest({
    route: 'gpu-names',
    method: 'GET',
    path: '/api/v0/gpu_names/unique/',
    schema: gpuNamesSchema,
    anonymous: true,
    signal,
  })
  return [...new Set(gpu_names.map((name) => name.replaceAll('_', ' ')))].sort((a, b) =>
    a.localeCompare(b),
  )
}

export async function searchOffers(
  query: BundlesQuery,
  signal?: AbortSignal,
): Promise<OfferSearchResult> {
  const { offers } = await apiRequest({
    route: 'bundles',
    method: 'POST',
    path: '/api/v0/bundles/',
    body: bundlesBody(query),
    schema: offersEnvelopeSchema,
    signal,
  })
  const { rows, dropped } = parseRows(offerSchema, offers)
  if (dropped > 0)
    console.warn(`Offer search: ${dropped} row(s) could not be read and were left out.`)
  return { offers: rows, dropped }
}

export interface RentInput {
  /** Required unless `templateHashId` is given; with one, it overrides the template's image. */
  image?: string
  /** Base the rental on this template (its image, launch mode, env and start script). */
  templateHashId?: string
  disk: number
  label?: string
  /** Not sent with a template: the template's launch mode applies, as the CLI does. */
  runtype: 'ssh' | 'jupyter'
  /** Bid in $/hr for an interruptible rental; omitted for on-demand. */
  price?: number
  onstart?: string
  env?: Record<string, string>
}

export const RUNTYPES: Record<RentInput['runtype'], string> = {
  ssh: 'ssh_direc ssh_proxy',
  jupyter: 'jupyter_direc ssh_direc ssh_proxy',
}

/** Rents an offer. Never retried: a rental costs money. */
export async function rentOffer(offerId: number, input: RentInput): Promise<RentResult> {
  const body: Record<string, unknown> = { client_id: 'me' }
  if (input.image) body.image = input.image
  if (input.templateHashId) body.template_hash_id = input.templateHashId
  body.disk = input.disk
  if (!input.templateHashId) body.runtype = RUNTYPES[input.runtype]
  body.env = input.env ?? {}
  if (input.label) body.label = input.label
  if (input.onstart) body.onstart = input.onstart
  if (input.price !== undefined) body.price = input.price
  // One rental of an offer in flight across tabs (a second tab would rent a second machine).
  const release = acquireRentLock(offerId)
  if (!release) {
    throw new ApiError(
      'validation',
      'This offer is already being rented from another tab or window. Check the Instances list before trying again.',
      { code: 'rent_in_progress' },
    )
  }
  try {
    return await apiRequest({
      route: 'asks',
      method: 'PUT',
      path: `/api/v0/asks/${offerId}/`,
      body,
      schema: rentResultSchema,
    })
  } catch (error) {
    if (
      isApiError(error) &&
      (error.status === 404 || error.status === 410) &&
      error.kind !== 'auth'
    ) {
      throw new ApiError(
        'offer_gone',
        'This offer was just taken by someone else. The list has been refreshed.',
        {
          status: error.status,
          code: error.code,
          detail: error.message,
        },
      )
    }
    throw error
  } finally {
    release()
  }
}

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
