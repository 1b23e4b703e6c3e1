import * as z from 'zod/mini'
import { describe, expect, it } from 'vitest'
import { accountSchema } from './account/schemas'
import { instanceSchema } from './instances/schemas'
import { numeric, parseRows } from './parse'
import { offerSchema, offersEnvelopeSchema, rentResultSchema } from './offers/schemas'

import offersSample from './fixtures/offers.json'
import instancesSample from './fixtures/instances-v1-page.json'
import userSample from './fixtures/user-current.json'
import createSample from './fixtures/create-instance.json'

const SAMPLES: Record<string, unknown> = {
  'offers.json': offersSample,
  'instances-v1-page.json': instancesSample,
  'user-current.json': userSample,
  'create-instance.json': createSample,
}
const sample = (name: string): unknown => structuredClone(SAMPLES[name])

describe('numeric', () => {
  it('accepts numbers and numeric strings, never null or empty', () => {
    expect(z.parse(numeric, 3.5)).toBe(3.5)
    expect(z.parse(numeric, ' 41022 ')).toBe(41022)
    expect(z.safeParse(numeric, '').success).toBe(false)
    expect(z.safeParse(numeric, null).success).toBe(false)
    expect(z.safeParse(numeric, 'abc').success).toBe(false)
    expect(z.safeParse(numeric, Number.NaN).success).toBe(false)
  })

  it('refuses a numeric string too large for a number (it would read as Infinity)', () => {
    expect(z.safeParse(numeric, '1e400').success).toBe(false)
    expect(z.safeParse(numeric, '-1e400').success).toBe(false)
    expect(z.parse(numeric, '1e300')).toBe(1e300)
  })
})

describe('offers', () => {
  it('parses the sample offers with unknown keys kept', () => {
    const { offers } = z.parse(offersEnvelopeSchema, sample('offers.json'))
    const { rows, dropped } = parseRows(offerSchema, offers)
    expect(dropped).toBe(0)
    expect(rows.map((o) => o.gpu_name)).toEqual(['RTX 4090', 'A100 SXM4', 'H100 SXM'])
    expect(rows[0]?.dph_total).toBeCloseTo(0.32104167)
    expect(rows[0]?.['bundle_id']).toBe(602331875)
  })

  it('drops a row without a price instead of guessing one, and keeps odd but readable rows', () => {
    const rows = [
      {
        id: 1,
        gpu_name: 'RTX 4090',
        num_gpus: '1',
        dph_base: '0.30',
        dph_total: 0.31,
        storage_cost: 0.15,
        cpu_cores: null,
        geolocation: ' Texas, US \n',
      },
      {
        id: 2,
        gpu_name: 'RTX 4090',
        num_gpus: 1,
        dph_base: 0.3,
        dph_total: 'abc',
        storage_cost: 0.15,
      },
      { gpu_name: 'no id', num_gpus: 1, dph_base: 0.3, dph_total: 0.3, storage_cost: 0.1 },
    ]
    const { rows: parsed, dropped } = parseRows(offerSchema, rows)
    expect(dropped).toBe(2)
    expect(parsed).toHaveLength(1)
    expect(parsed[0]).toMatchObject({
      id: 1,
      num_gpus: 1,
      dph_base: 0.3,
      cpu_cores: null,
      geolocation: 'Texas, US',
    })
  })
})

describe('instances', () => {
  it('parses the sample page: HostPort strings, null statuses, trimmed strings', () => {
    const page = sample('instances-v1-page.json')
    if (
      typeof page !== 'object' ||
      page === null ||
      !('instances' in page) ||
      !Array.isArray(page.instances)
    )
      throw new Error('bad sample')
    const { rows, dropped } = parseRows(instanceSchema, page.instances)
    expect(dropped).toBe(0)
    expect(rows).toHaveLength(5)
    expect(rows[0]?.ports?.['22/tcp']?.[0]?.HostPort).toBe(41022)
    expect(rows[2]?.actual_status).toBeNull()
    expect(rows[3]).toMatchObject({
      actual_status: 'exited',
      intended_status: 'stopped',
      ports: null,
    })
  })

  it('reads an unexpected ports shape as no ports instead of failing the row', () => {
    const parsed = z.parse(instanceSchema, {
      id: 5,
      ports: [8080, 8081],
      public_ipaddr: ' 203.0.113.9 \n',
    })
    expect(parsed.ports).toBeNull()
    expect(parsed.public_ipaddr).toBe('203.0.113.9')
  })
})

describe('/users/current/ money fields', () => {
  it('requires neither credit nor balance (docs list balance, the CLI shows both)', () => {
    expect(z.parse(accountSchema, { id: 1, balance: 12.5 })).toMatchObject({ balance: 12.5 })
    expect(z.parse(accountSchema, { id: 1, credit: 3 })).toMatchObject({ credit: 3 })
    expect(z.parse(accountSchema, { id: 1 })).toMatchObject({ id: 1 })
  })
})

describe('secrets the API echoes', () => {
  it('drops api_key from /users/current/', () => {
    const account = z.parse(accountSchema, sample('user-current.json'))
    expect(account.credit).toBe(42.17)
    expect(account.email).toBe('dev@example.com')
    expect('api_key' in account).toBe(false)
    expect(JSON.stringify(account)).not.toContain('64-hex API key')
  })

  it('keeps only the new instance id from a rental, not instance_api_key', () => {
    const result = z.parse(rentResultSchema, sample('create-instance.json'))
    expect(result).toEqual({ instanceId: 27351234 })
  })
})
