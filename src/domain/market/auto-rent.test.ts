import { describe, expect, it } from 'vitest'
import { autoRentCheck } from './auto-rent'

const armed = { maxPerHour: 0.5, diskGb: 72, image: 'img' }
const offer = { dph_base: 0.4, storage_cost: 0.5 }
const noGuards = { maxPerHour: null, maxInstances: null }

describe('rent it for me', () => {
  it('rents at or under the armed $/hr with the disk priced in', () => {
    // 72 GB × $0.5/GB-month ÷ 720 h = $0.05/hr on top of the GPU.
    const check = autoRentCheck({ armed, offer, guards: noGuards, existingInstances: 0 })
    expect(check.ok && check.perHour).toBeCloseTo(0.45)
    expect(
      autoRentCheck({
        armed: { ...armed, diskGb: 216 },
        offer,
        guards: noGuards,
        existingInstances: 0,
      }),
    ).toEqual({ ok: false, reason: 'Above the armed price.' })
  })

  it('holds outside the spend guards or without an instance list', () => {
    const guards = { maxPerHour: null, maxInstances: 1 }
    expect(autoRentCheck({ armed, offer, guards, existingInstances: 1 }).ok).toBe(false)
    expect(autoRentCheck({ armed, offer, guards, existingInstances: 0 }).ok).toBe(true)
    expect(autoRentCheck({ armed, offer, guards: noGuards, existingInstances: null }).ok).toBe(
      false,
    )
  })
})
