import { afterEach, describe, expect, it } from 'vitest'
import {
  claimFallback,
  forgetPlans,
  readPlans,
  rememberRental,
  resetPlans,
  type RentalPlan,
} from './rental-plans-store'

const plan = (instanceId: number): RentalPlan => ({
  instanceId,
  offerId: 1,
  machineId: 7,
  model: 'RTX 4090',
  perHour: 0.4,
  rentedAt: 1_000,
  deadlineSeconds: 900,
  usualSeconds: null,
  query: {
    filters: { num_gpus: { gte: 1 } },
    order: [['dph_total', 'asc']],
    type: 'on-demand',
    limit: 64,
    allocatedStorage: 10,
  },
  input: { image: 'pytorch/pytorch', disk: 10, runtype: 'ssh', env: { A: '1' } },
  auto: true,
  spent: false,
})

describe('rental plans', () => {
  afterEach(() => resetPlans())

  it('keeps what was asked, read back from storage as another tab would', () => {
    rememberRental(plan(5))
    expect(readPlans()).toEqual([plan(5)])
  })

  it('gives the one fallback of a rental to the first claim only, in any tab', () => {
    rememberRental(plan(5))
    expect(claimFallback(5)).toBe(true)
    expect(claimFallback(5)).toBe(false)
    // Another tab's page still holds the unclaimed plan in memory: storage decides.
    expect(readPlans()[0]?.spent).toBe(true)
    expect(claimFallback(6)).toBe(false)
  })

  it('forgets the plans of instances that ran or are gone, and drops unreadable rows', () => {
    rememberRental(plan(5))
    rememberRental(plan(6))
    forgetPlans(new Set([5]))
    expect(readPlans().map((p) => p.instanceId)).toEqual([6])
    localStorage.setItem(
      'vast-console.rental-plans.v1',
      JSON.stringify([{ instanceId: 'x' }, plan(7)]),
    )
    expect(readPlans().map((p) => p.instanceId)).toEqual([7])
  })
})
