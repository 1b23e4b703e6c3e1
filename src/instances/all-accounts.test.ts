import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { instanceSchema, type Instance } from '../api/instances/schemas'
import { combineAccounts, type AccountSlice } from './all-accounts'

const RUNNING = { actual_status: 'running', intended_status: 'running' }
const STOPPED = { actual_status: 'exited', intended_status: 'stopped' }

const box = (id: number, raw: Record<string, unknown>): Instance =>
  z.parse(instanceSchema, { id, dph_total: 0.5, storage_total_cost: 0.02, ...raw })

const slice = (over: Partial<AccountSlice> & Pick<AccountSlice, 'id'>): AccountSlice => ({
  label: over.id,
  active: false,
  credit: 10,
  instances: [],
  error: null,
  ...over,
})

describe('combined accounts', () => {
  it('adds spending and credit across accounts and marks every instance with its account', () => {
    const combined = combineAccounts([
      slice({ id: 'me', active: true, credit: 10, instances: [box(1, RUNNING)] }),
      slice({ id: 'team', credit: 100, instances: [box(2, RUNNING), box(3, STOPPED)] }),
    ])
    // me: 0.50; team: 0.50 + 0.02 storage while stopped
    expect(combined.perHour).toBeCloseTo(1.02, 10)
    expect(combined.credit).toBe(110)
    expect(combined.rows.map((r) => [r.account.id, r.running, r.total])).toEqual([
      ['me', 1, 1],
      ['team', 1, 2],
    ])
    expect(combined.rows[1]?.runway).toBeCloseTo(100 / 0.52, 6)
    expect(combined.instances.map((m) => [m.account.id, m.instance.id])).toEqual([
      ['team', 2],
      ['me', 1],
      ['team', 3],
    ])
  })

  it('names the account that runs out first: credit is per account, never pooled', () => {
    const combined = combineAccounts([
      slice({ id: 'rich', credit: 1000, instances: [box(1, RUNNING)] }),
      slice({ id: 'poor', credit: 1, instances: [box(2, RUNNING)] }),
    ])
    expect(combined.firstRunOut).toEqual({ label: 'poor', hours: 2 })
  })

  it('an account that could not be read is counted as missing, not as zero spend', () => {
    const combined = combineAccounts([
      slice({ id: 'ok', instances: [box(1, RUNNING)] }),
      slice({ id: 'broken', credit: null, instances: null, error: 'Vast rejected this key.' }),
    ])
    expect(combined.incomplete).toBe(1)
    expect(combined.perHour).toBe(0.5)
    expect(combined.rows[1]?.burn).toBeNull()
  })
})
