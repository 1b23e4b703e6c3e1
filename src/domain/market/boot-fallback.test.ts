import { describe, expect, it } from 'vitest'
import {
  autoFallbackDecision,
  bootDeadline,
  bootOverdue,
  nextBestMatch,
  overdueText,
} from './boot-fallback'

describe('boot deadline', () => {
  it("takes this machine's boots here, else its model's, else 15 minutes", () => {
    expect(bootDeadline([100, 200, 300, 400, 1000], [60, 60])).toEqual({
      seconds: 760,
      basis: 'machine',
      usualSeconds: 300,
    })
    expect(bootDeadline([], [300, 600])).toEqual({
      seconds: 570,
      basis: 'model',
      usualSeconds: 450,
    })
    expect(bootDeadline([], [])).toEqual({ seconds: 900, basis: 'default', usualSeconds: null })
    // Fast boots never make a deadline under three minutes.
    expect(bootDeadline([30, 40], [])).toMatchObject({ seconds: 180, usualSeconds: 35 })
  })

  it('says how late, against the usual boot when there is one', () => {
    expect(overdueText({ seconds: 900, usualSeconds: 240 })).toBe(
      'Not running after 15 min — usually boots in 4 min here',
    )
    expect(overdueText({ seconds: 570, usualSeconds: null })).toBe(
      'Not running after 9 min 30 s — no boot of this machine or GPU model was measured here yet',
    )
  })

  it('is overdue only past the deadline, never after a run, nor while stopped by the user', () => {
    const rental = { rentedAt: 1_000_000, deadlineSeconds: 900, everRan: false }
    const at = (s: number) => rental.rentedAt + s * 1000
    expect(bootOverdue({ ...rental, now: at(899), status: 'loading' })).toBe(false)
    expect(bootOverdue({ ...rental, now: at(900), status: 'loading' })).toBe(true)
    expect(bootOverdue({ ...rental, now: at(900), status: 'provisioning' })).toBe(true)
    // A start that failed is not running either.
    expect(bootOverdue({ ...rental, now: at(900), status: 'error' })).toBe(true)
    expect(bootOverdue({ ...rental, now: at(900), status: 'running' })).toBe(false)
    expect(bootOverdue({ ...rental, now: at(900), status: 'stopped' })).toBe(false)
    expect(bootOverdue({ ...rental, everRan: true, now: at(5000), status: 'exited' })).toBe(false)
  })
})

describe('next best match', () => {
  const offer = (
    id: number,
    machine: number,
    base: number,
    extra: Record<string, number> = {},
  ) => ({
    id,
    machine_id: machine,
    dph_base: base,
    // What the search priced at its allocated storage (10 GB at $0.10/GB/month here).
    dph_total: base + (10 * 0.1) / 720,
    storage_cost: 0.1,
    disk_space: 500,
    ...extra,
  })
  const rental = { machineId: 7, offerId: 1, diskGb: 10, listedDiskGb: 10 }

  it('is the cheapest offer of the search on another machine, with its $/hr as listed', () => {
    const offers = [offer(1, 7, 0.1), offer(2, 7, 0.2), offer(3, 8, 0.5), offer(4, 9, 0.4)]
    const match = nextBestMatch(offers, rental)
    expect(match?.offer.id).toBe(4)
    expect(match?.perHour).toBeCloseTo(0.4 + 1 / 720, 9)
  })

  it('prices the rental’s own disk, and leaves out offers without room for it', () => {
    const offers = [
      offer(2, 8, 0.3, { storage_cost: 2 }),
      offer(3, 9, 0.31),
      offer(4, 10, 0.1, { disk_space: 50 }),
    ]
    // 200 GB: offer 2's storage ($2/GB/month) makes it dearer; offer 4 has only 50 GB.
    const match = nextBestMatch(offers, { ...rental, diskGb: 200 })
    expect(match?.offer.id).toBe(3)
    expect(match?.perHour).toBeCloseTo(0.31 + (200 * 0.1) / 720, 9)
  })

  it('is null when only the same machine is offered', () => {
    expect(nextBestMatch([offer(1, 7, 0.1), offer(5, 7, 0.2)], rental)).toBeNull()
    expect(nextBestMatch([], rental)).toBeNull()
  })
})

describe('automatic fallback', () => {
  const due = { auto: true, spent: false, overdue: true, listError: null }
  it('fires for an opted-in rental past its deadline, once', () => {
    expect(autoFallbackDecision(due)).toEqual({ fire: true })
    expect(autoFallbackDecision({ ...due, spent: true })).toEqual({ fire: false, reason: null })
    expect(autoFallbackDecision({ ...due, auto: false })).toEqual({ fire: false, reason: null })
    expect(autoFallbackDecision({ ...due, overdue: false })).toEqual({ fire: false, reason: null })
  })

  it('waits while the instance list cannot be read (a rejected key, Vast failing)', () => {
    expect(autoFallbackDecision({ ...due, listError: 'Invalid user key' })).toEqual({
      fire: false,
      reason: 'Waiting for Vast to answer: Invalid user key',
    })
  })
})
