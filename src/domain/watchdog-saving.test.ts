import { describe, expect, it } from 'vitest'
import { parseWatchdogLog } from './watchdog-log'
import { watchdogSaving } from './watchdog-saving'

const stopped = {
  actual_status: 'exited',
  intended_status: 'stopped',
  dph_total: 1.1,
  dph_base: 1,
  storage_total_cost: 0.1,
}

describe('watchdogSaving', () => {
  const log = parseWatchdogLog('watchdog: stop requested (idle 30 min < 5%) at 1000\n')
  it('counts the GPU part for the hours since the stop', () => {
    expect(watchdogSaving(stopped, log, null, 1000 + 7200)).toEqual({ hours: 2, usd: 2 })
  })
  it('stops counting at a later deadline the instance would have stopped at anyway', () => {
    const rules = { deadline: { action: 'stop' as const, atSec: 1000 + 3600 }, idle: null }
    expect(watchdogSaving(stopped, log, rules, 1000 + 7200)).toEqual({ hours: 1, usd: 1 })
  })
  it('saves nothing once the instance runs again, or without a stop in its log', () => {
    const running = { ...stopped, actual_status: 'running', intended_status: 'running' }
    expect(watchdogSaving(running, log, null, 9000)).toBeNull()
    expect(watchdogSaving(stopped, parseWatchdogLog(''), null, 9000)).toBeNull()
  })
})
