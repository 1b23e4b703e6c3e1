/**
 * What the live check calls: one definition per endpoint the app uses, each calling through the
 * app's own client and schemas and naming the fields Vast should send. `checks.ts` runs them.
 */
import { apiRequest } from '../client'
import { fetchCharges } from '../charges/endpoints'
import { chargeRowSchema } from '../charges/schemas'
import { dayOf } from '../../domain/spending/range'
import { getAccount } from '../account/endpoints'
import { getInstance } from '../instances/endpoints'
import { getGpuNames, searchOffers } from '../offers/endpoints'
import type { OfferType } from '../offers/bundles-query'
import { accountSchema } from '../account/schemas'
import { instanceSchema, instancesPageSchema } from '../instances/schemas'
import { gpuNamesSchema, offerSchema } from '../offers/schemas'
import { parseRows } from '../parse'
import { listSshKeys } from '../ssh-keys/endpoints'
import { searchTemplates } from '../templates/endpoints'
import { templateSchema } from '../templates/schemas'
import { schemaKeys } from './fields'

export interface Result {
  parsed: number
  dropped: number
  note?: string
}

export interface Check {
  endpoint: string
  method: 'GET' | 'POST'
  path: string
  expected: readonly string[]
  alsoKnown?: readonly string[]
  /** The rows (or the one object) of a raw answer, as sent. */
  rowsOf: (json: unknown) => unknown[]
  run: () => Promise<Result>
}

/** Thrown by a check that cannot run on this account (answered as `skipped`). */
export class Skip extends Error {}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const field = (json: unknown, key: string): unknown => (isRecord(json) ? json[key] : undefined)

/** A list under `key`, also when Vast sends it as a JSON string. */
function listAt(json: unknown, key: string): unknown[] {
  let value = field(json, key)
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      return []
    }
  }
  return Array.isArray(value) ? value : []
}

const single = (json: unknown): unknown[] => (isRecord(json) ? [json] : [])

/** A bare array (docs) or one under `key` (CLI). */
function arrayOr(json: unknown, key: string): unknown[] {
  if (!Array.isArray(json)) return listAt(json, key)
  const rows: unknown[] = json
  return rows
}

const OFFER_TYPES: readonly OfferType[] = ['on-demand', 'bid', 'reserved']

/** The smallest useful search: five verified, rentable offers by score. */
function offerCheck(type: OfferType, signal: AbortSignal): Check {
  return {
    endpoint: `POST /api/v0/bundles/ (type ${type})`,
    method: 'POST',
    path: '/api/v0/bundles/',
    expected: schemaKeys(offerSchema),
    rowsOf: (json) => listAt(json, 'offers'),
    run: async () => {
      const { offers, dropped } = await searchOffers(
        {
          filters: { verified: { eq: true }, rentable: { eq: true } },
          order: [['score', 'desc']],
          type,
          limit: 5,
          allocatedStorage: 10,
        },
        signal,
      )
      return { parsed: offers.length, dropped }
    },
  }
}

/** Which of the money fields Vast sent in `/users/current/`. */
export function accountNote(json: unknown): string {
  const has = (key: string) => isRecord(json) && typeof json[key] === 'number'
  const sent = ['credit', 'balance'].filter(has)
  return sent.length > 0 ? `sent: ${sent.join(', ')}` : 'neither credit nor balance sent'
}

/** Every check, in the order they run; the instance check uses the first listed instance. */
export function endpointChecks(signal: AbortSignal, now: () => number): Check[] {
  let firstInstanceId: number | null = null
  return [
    {
      endpoint: 'GET /api/v0/users/current/',
      method: 'GET',
      path: '/api/v0/users/current/',
      expected: schemaKeys(accountSchema),
      // The key Vast echoes is known: the schema drops it on purpose.
      alsoKnown: ['api_key'],
      rowsOf: single,
      run: async () => {
        await getAccount({ signal })
        return { parsed: 1, dropped: 0 }
      },
    },
    {
      endpoint: 'GET /api/v0/gpu_names/unique/',
      method: 'GET',
      path: '/api/v0/gpu_names/unique/',
      expected: schemaKeys(gpuNamesSchema),
      rowsOf: single,
      run: async () => ({ parsed: (await getGpuNames(signal)).length, dropped: 0 }),
    },
    ...OFFER_TYPES.map((type) => offerCheck(type, signal)),
    {
      endpoint: 'GET /api/v1/instances/ (first page)',
      method: 'GET',
      path: '/api/v1/instances/',
      expected: schemaKeys(instanceSchema),
      rowsOf: (json) => listAt(json, 'instances'),
      run: async () => {
        const page = await apiRequest({
          route: 'instances-list',
          method: 'GET',
          path: '/api/v1/instances/',
          query: { limit: 25 },
          schema: instancesPageSchema,
          signal,
        })
        const { rows, dropped } = parseRows(instanceSchema, page.instances)
        firstInstanceId = rows[0]?.id ?? null
        return { parsed: rows.length, dropped }
      },
    },
    {
      endpoint: 'GET /api/v0/instances/{id}/',
      method: 'GET',
      path: '/api/v0/instances/',
      expected: schemaKeys(instanceSchema),
      rowsOf: (json) => single(field(json, 'instances')),
      run: async () => {
        if (firstInstanceId === null) throw new Skip('no instance on this account')
        const instance = await getInstance(firstInstanceId, signal)
        return instance
          ? { parsed: 1, dropped: 0 }
          : { parsed: 0, dropped: 0, note: 'Vast answered no instance for that id' }
      },
    },
    {
      endpoint: 'GET /api/v0/ssh/',
      method: 'GET',
      path: '/api/v0/ssh/',
      // A row names its key `key` (docs), `ssh_key` (CLI tests) or `public_key` (create answer).
      expected: ['id', 'created_at'],
      alsoKnown: ['key', 'ssh_key', 'public_key', 'deleted_at'],
      rowsOf: (json) => arrayOr(json, 'ssh_keys'),
      run: async () => {
        const { keys, dropped } = await listSshKeys(signal)
        return { parsed: keys.length, dropped }
      },
    },
    {
      endpoint: 'GET /api/v0/template/ (recommended)',
      method: 'GET',
      path: '/api/v0/template/',
      expected: schemaKeys(templateSchema),
      rowsOf: (json) => listAt(json, 'templates'),
      run: async () => {
        const { templates, dropped } = await searchTemplates({ scope: 'recommended', signal })
        return { parsed: templates.length, dropped }
      },
    },
    {
      endpoint: 'GET /api/v0/charges/ (last day)',
      method: 'GET',
      path: '/api/v0/charges/',
      expected: schemaKeys(chargeRowSchema),
      rowsOf: (json) => listAt(json, 'results'),
      run: async () => {
        const nowS = Math.floor(now() / 1000)
        const range = { from: dayOf(nowS - 86_400), to: dayOf(nowS) }
        const { charges, dropped } = await fetchCharges(range, { signal })
        return { parsed: charges.length, dropped }
      },
    },
  ]
}
