import { describe, expect, it } from 'vitest'
import { FAST_POLL_MS, pollInterval, SLOW_POLL_MS, STUCK_AFTER_MS } from './queries'
import type { Instance } from './schemas'

const instance = (
  id: number,
  actual_status: string | null,
  intended_status = 'running',
): Instance => ({
  id,
  actual_status,
  intended_status,
  status_msg: null,
  ports: null,
  start_date: 1_000,
})

describe('pollInterval', () => {
  it('polls fast while any instance is changing and slowly once all have settled', () => {
    const list = (instances: Instance[]) => ({ instances, dropped: 0, truncated: false })
    expect(pollInterval(list([instance(1, 'running'), instance(2, 'loading')]), 0)).toBe(
      FAST_POLL_MS,
    )
    expect(pollInterval(list([instance(1, 'running'), instance(2, 'exited', 'stopped')]), 0)).toBe(
      SLOW_POLL_MS,
    )
    expect(pollInterval(undefined)).toBe(SLOW_POLL_MS)
  })

  it('stops polling fast for an instance stuck in one changing state for over 10 minutes', () => {
    const list = { instances: [instance(7, 'loading')], dropped: 0, truncated: false }
    expect(pollInterval(list, 0)).toBe(FAST_POLL_MS)
    expect(pollInterval(list, STUCK_AFTER_MS - 1)).toBe(FAST_POLL_MS)
    expect(pollInterval(list, STUCK_AFTER_MS + 1)).toBe(SLOW_POLL_MS)
    const next = { instances: [instance(7, 'running', 'stopped')], dropped: 0, truncated: false }
    expect(pollInterval(next, STUCK_AFTER_MS + 2)).toBe(FAST_POLL_MS)
  })
})
