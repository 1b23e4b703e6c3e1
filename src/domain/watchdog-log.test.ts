import { describe, expect, it } from 'vitest'
import { armingFromLog, lastFired, moneySaved, parseWatchdogLog } from './watchdog-log'

const stamp = (s: string) => `2026-11-30 02:00:00 [onstart] ${s}`

describe('reading the watchdog back from the instance log', () => {
  it('confirms arming, the rules in force and what fired, with or without line prefixes', () => {
    const log = parseWatchdogLog(
      [
        stamp('[vast] container created'),
        stamp('auto-stop: armed, stop at 1800000000 with curl'),
        'watchdog: rules stop at 1800000000, idle 30 min < 5%',
        'watchdog: rules destroy at 1800007200, idle off',
        stamp('watchdog: destroy requested (deadline 1800007200) at 1800007203'),
      ].join('\n'),
    )
    expect(log.armed).toEqual({ deadline: { action: 'stop', atSec: 1_800_000_000 }, tool: 'curl' })
    expect(log.rules).toEqual({ deadline: { action: 'destroy', atSec: 1_800_007_200 }, idle: null })
    expect(log.fired).toEqual([
      {
        action: 'destroy',
        rule: { kind: 'deadline', deadlineSec: 1_800_007_200 },
        atSec: 1_800_007_203,
      },
    ])
    expect(log.notArmed).toBeNull()
  })

  it('reads the idle rule, a missing nvidia-smi and an idle stop', () => {
    const log = parseWatchdogLog(
      [
        'auto-stop: armed, no deadline with wget',
        'watchdog: rules no deadline, idle 30 min < 5%',
        'watchdog: nvidia-smi not found; idle rule off',
        'watchdog: unreadable rules in label; keeping the last ones',
        'watchdog: stop request failed; trying again',
        'watchdog: stop requested (idle 30 min < 5%) at 1800001800',
      ].join('\n'),
    )
    expect(log.armed).toEqual({ deadline: null, tool: 'wget' })
    expect(log.rules).toEqual({ deadline: null, idle: { minutes: 30, belowPct: 5 } })
    expect(log).toMatchObject({ idleRuleOff: true, unreadableLabel: true, requestFailed: true })
    expect(lastFired(log)).toEqual({
      action: 'stop',
      rule: { kind: 'idle', minutes: 30, belowPct: 5 },
      atSec: 1_800_001_800,
    })
  })

  it('starts afresh at each boot and keeps every stop', () => {
    const log = parseWatchdogLog(
      [
        'auto-stop: armed, no deadline with curl',
        'watchdog: nvidia-smi gave no utilisation',
        'watchdog: nvidia-smi unreadable; GPUs counted busy',
        'watchdog: stop requested (idle 5 min < 10%) at 100',
        'auto-stop: deadline passed before this start; not armed',
      ].join('\n'),
    )
    expect(log.armed).toBeNull()
    expect(log.notArmed).toBe('deadline passed before this start')
    expect(log.gpuUnreadable).toBe(false)
    expect(log.fired).toHaveLength(1)
    expect(parseWatchdogLog('auto-stop: needs curl, wget or python3; not armed').notArmed).toBe(
      'needs curl, wget or python3',
    )
  })

  it('has nothing to say about a log without its lines', () => {
    const log = parseWatchdogLog('step 100 loss=1.2\nauto-stop: something else')
    expect(log).toMatchObject({ armed: null, notArmed: null, rules: null, fired: [] })
    expect(lastFired(log)).toBeNull()
  })
})

describe('money the watchdog saved', () => {
  const fired = {
    action: 'stop',
    rule: { kind: 'idle', minutes: 30, belowPct: 5 },
    atSec: 0,
  } as const
  it('is the hours stopped early times what stopping saves per hour', () => {
    expect(moneySaved(fired, { untilSec: 7_200, perHour: 0.5 })).toEqual({ hours: 2, usd: 1 })
  })
  it('stops counting when a later deadline would have stopped it anyway', () => {
    expect(moneySaved(fired, { untilSec: 7_200, perHour: 0.5, capSec: 3_600 })).toEqual({
      hours: 1,
      usd: 0.5,
    })
  })
  it('never goes negative nor counts an unknown rate', () => {
    expect(moneySaved(fired, { untilSec: -5, perHour: 0.5 })).toEqual({ hours: 0, usd: 0 })
    expect(moneySaved(fired, { untilSec: 3_600, perHour: Number.NaN }).usd).toBe(0)
  })
})

describe('armingFromLog: what the card says about arming', () => {
  it('armed when the last start printed its armed line', () => {
    expect(
      armingFromLog(
        [
          stamp('running onstart script'),
          stamp('auto-stop: armed, stop at 1790000000 with curl'),
        ].join('\n'),
      ),
    ).toEqual({ state: 'armed' })
  })

  it('not armed, with the reason the snippet printed', () => {
    expect(armingFromLog(stamp('auto-stop: no container key; not armed'))).toEqual({
      state: 'not_armed',
      reason: 'no container key',
    })
    expect(
      armingFromLog(
        [
          'auto-stop: armed, stop at 100 with curl',
          'auto-stop: needs curl, wget or python3; not armed',
        ].join('\n'),
      ),
    ).toEqual({ state: 'not_armed', reason: 'needs curl, wget or python3' })
  })

  it('unknown when the log has no line of it (yet)', () => {
    expect(armingFromLog('')).toEqual({ state: 'unknown' })
    expect(armingFromLog(stamp('[app] INFO step 100'))).toEqual({ state: 'unknown' })
  })
})
