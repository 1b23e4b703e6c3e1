/**
 * One function per Vast call. Verb-and-path routing lives here alone: the instance list is v1,
 * every other call (per-id GET/PUT/DELETE included) stays on v0.
 */
import * as z from 'zod/mini'
import { apiRequest } from './client'
import { ApiError, isApiError } from './errors'
import { bundlesBody, type BundlesQuery } from './bundles-query'
import {
  accountSchema,
  gpuNamesSchema,
  instanceEnvelopeSchema,
  instanceSchema,
  instancesPageSchema,
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
  image: string
  disk: number
  label?: string
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
  const body: Record<string, unknown> = {
    client_id: 'me',
    image: input.image,
    disk: input.disk,
    runtype: RUNTYPES[input.runtype],
    env: input.env ?? {},
  }
  if (input.label) body.label = input.label
  if (input.onstart) body.onstart = input.onstart
  if (input.price !== undefined) body.price = input.price
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
  }
}

/** All instances, following next_token page by page (25 a page). */
export async function listInstances(signal?: AbortSignal): Promise<InstanceList> {
  const instances: Instance[] = []
  let dropped = 0
  let token: string | null | undefined = null
  for (let page = 0; page < MAX_INSTANCE_PAGES; page += 1) {
    const query: Record<string, string | number> = { limit: 25 }
    if (token) query.after_token = token
    const result: z.infer<typeof instancesPageSchema> = await apiRequest({
      route: 'instances-list',
      method: 'GET',
      path: '/api/v1/instances/',
      query,
      schema: instancesPageSchema,
      signal,
    })
    const parsed = parseRows(instanceSchema, result.instances)
    instances.push(...parsed.rows)
    dropped += parsed.dropped
    token = result.next_token
    if (!token) return { instances, dropped, truncated: false }
  }
  return { instances, dropped, truncated: true }
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
