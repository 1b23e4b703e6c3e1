import { describe, expect, it } from 'vitest'
import { guardViolations } from './spend-guards'

describe('spend guards', () => {
  it('flags a rental above the $/hr cap and an instance above the count cap', () => {
    const guards = { maxPerHour: 1, maxInstances: 2 }
    expect(guardViolations(guards, { perHour: 0.999, existingInstances: 1 })).toEqual([])
    expect(guardViolations(guards, { perHour: 1.2, existingInstances: 2 })).toEqual([
      'This rental costs $1.200/hr, above your cap of $1.000/hr.',
      'This would be instance 3, above your cap of 2 at once.',
    ])
  })
  it('treats an uncountable instance list as a guard to confirm', () => {
    expect(
      guardViolations(
        { maxPerHour: null, maxInstances: 3 },
        { perHour: 5, existingInstances: null },
      ),
    ).toHaveLength(1)
    expect(
      guardViolations(
        { maxPerHour: null, maxInstances: null },
        { perHour: 99, existingInstances: null },
      ),
    ).toEqual([])
  })
})
