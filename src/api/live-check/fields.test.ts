import * as z from 'zod/mini'
import { describe, expect, it } from 'vitest'
import { accountSchema } from '../account/schemas'
import { offerSchema } from '../offers/schemas'
import { sshKeysEnvelopeSchema } from '../ssh-keys/schemas'
import { diffFields, schemaKeys } from './fields'

describe('schemaKeys', () => {
  it('reads object keys through pipes, unions, catch and optional', () => {
    expect(schemaKeys(accountSchema)).toEqual([
      'balance',
      'credit',
      'email',
      'id',
      'ssh_key',
      'username',
    ])
    expect(schemaKeys(offerSchema)).toContain('dph_total')
    expect(schemaKeys(sshKeysEnvelopeSchema)).toEqual(['ssh_keys'])
    expect(schemaKeys(z.optional(z.nullable(z.object({ a: z.number() }))))).toEqual(['a'])
    expect(schemaKeys(z.string())).toEqual([])
  })
})

describe('diffFields', () => {
  it('names expected fields no row sent, those some rows lacked, and fields nobody knows', () => {
    const rows = [
      { id: 1, credit: 2, extra: true },
      { id: 2, extra: false, other: null },
      'not an object',
    ]
    expect(diffFields(['id', 'credit', 'email'], rows, ['other'])).toEqual({
      missing: ['credit (1/2)', 'email'],
      unknown: ['extra'],
    })
  })

  it('says nothing about an answer with no rows', () => {
    expect(diffFields(['id'], [])).toEqual({ missing: [], unknown: [] })
  })
})
