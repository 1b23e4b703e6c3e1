/**
 * Offer calls: the search (`POST /api/v0/bundles/`, a read), GPU names (public) and the rent
 * (`PUT /api/v0/asks/{id}/`, a write that costs money: never retried, one per offer across tabs).
 */
import { apiRequest } from '../client'
import { ApiError, isApiError } from '../errors'
import { readListRows } from '../parse'
import { acquireRentLock } from '../rent-lock'
import { bundlesBody, type BundlesQuery } from './bundles-query'
import {
  gpuNamesSchema,
  offerSchema,
  offersEnvelopeSchema,
  rentResultSchema,
  type Offer,
  type RentResult,
} from './schemas'

export interface OfferSearchResult {
  offers: Offer[]
  /** Rows that could not be read (dropped, never shown with guessed values). */
  dropped: number
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

/** `key`: a key being checked (the search starts alongside the check); the saved key otherwise. */
export async function searchOffers(
  query: BundlesQuery,
  signal?: AbortSignal,
  key?: string,
): Promise<OfferSearchResult> {
  const { offers } = await apiRequest({
    key,
    route: 'bundles',
    method: 'POST',
    path: '/api/v0/bundles/',
    body: bundlesBody(query),
    schema: offersEnvelopeSchema,
    signal,
  })
  const { rows, dropped } = readListRows(offerSchema, offers, 'Offer search')
  return { offers: rows, dropped }
}

export interface RentInput {
  /** Required unless `templateHashId` is given; with one, it overrides the template's image. */
  image?: string
  /** Base the rental on this template (its image, launch mode, env and start script). */
  templateHashId?: string
  disk: number
  label?: string
  /** Not sent with a template (its launch mode applies, as the CLI does) unless the next is set. */
  runtype: 'ssh' | 'jupyter'
  /**
   * With a template, send `runtype` anyway: a request's runtype overrides the template's (docs
   * creating-and-using-templates-with-api.mdx "Precedence Rules"). Used to run start scripts
   * (the auto-stop) under a template whose own mode is `args`.
   */
  runtypeOverTemplate?: boolean
  /** Bid in $/hr for an interruptible rental; omitted for on-demand. */
  price?: number
  onstart?: string
  env?: Record<string, string>
  /**
   * Fail (410 no_such_ask) when the instance cannot start now, rather than create a stopped
   * instance whose disk bills. Sent as `cancel_unavail`; true unless the user asked otherwise.
   */
  cancelUnavail?: boolean
}

export const RUNTYPES: Record<RentInput['runtype'], string> = {
  ssh: 'ssh_direc ssh_proxy',
  jupyter: 'jupyter_direc ssh_direc ssh_proxy',
}

/**
 * Vast's "offer gone": 404 invalid_args with a `no_such_ask` message, or 410 `no_such_ask`
 * (docs yaml/create_instance). Any other 404 (a wrong path, a proxy page) is not.
 */
function isOfferGone(error: unknown): error is ApiError {
  if (!isApiError(error) || error.kind === 'auth') return false
  if (error.status !== 404 && error.status !== 410) return false
  return (
    error.code === 'no_such_ask' || /no_such_ask/.test(`${error.detail ?? ''} ${error.message}`)
  )
}

/** Rents an offer. Never retried: a rental costs money. */
export async function rentOffer(offerId: number, input: RentInput): Promise<RentResult> {
  const body: Record<string, unknown> = { client_id: 'me' }
  if (input.image) body.image = input.image
  if (input.templateHashId) body.template_hash_id = input.templateHashId
  body.disk = input.disk
  if (!input.templateHashId || input.runtypeOverTemplate) body.runtype = RUNTYPES[input.runtype]
  body.env = input.env ?? {}
  if (input.label) body.label = input.label
  if (input.onstart) body.onstart = input.onstart
  if (input.price !== undefined) body.price = input.price
  body.cancel_unavail = input.cancelUnavail ?? true
  // One rental of an offer in flight across tabs (a second tab would rent a second machine).
  const release = acquireRentLock(offerId)
  if (!release) {
    throw new ApiError(
      'validation',
      'Another tab is renting this offer. Check the Instances list before trying again.',
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
    if (isOfferGone(error)) {
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
