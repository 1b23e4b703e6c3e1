// @vitest-environment node
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { BUSYBOX } from '../test/snippet-harness'
import { watchdogSnippet } from './auto-stop'
import {
  budgetDeadlineSec,
  decodeRules,
  earliestDeadline,
  encodeRules,
  idleRuleProblem,
  labelKeepingMarker,
  labelWithNewDeadline,
  labelWithRules,
  markerOf,
  rulesFromLabel,
  stripMarkers,
  type WatchdogRules,
} from './watchdog-rules'

const both: WatchdogRules = {
  deadline: { action: 'stop', atSec: 1_800_000_000 },
  idle: { minutes: 30, belowPct: 5 },
}

/** Marker bodies neither the app nor the snippet accepts. */
const UNREADABLE = [
  '',
  '1x',
  '1.s.30',
  '1.s.30.5.6',
  '1.x.30.5',
  '1.S.30.5',
  '1.s.30.101',
  '1.s.123456.5',
  '123456789012.s.1.1',
  '1.s..5',
  '-1.s.1.1',
  '01.s.1.1',
  '1.s.08.5',
  '1.s.1.007',
  '1800000000.',
  '*.s.1.1',
  '1.s.1.1\\',
]

describe('the label marker', () => {
  it('carries every rule in a few characters and reads back the same', () => {
    const cases: WatchdogRules[] = [
      both,
      { deadline: { action: 'destroy', atSec: 1_800_000_000 }, idle: null },
      { deadline: null, idle: { minutes: 1, belowPct: 100 } },
      { deadline: null, idle: null },
    ]
    for (const rules of cases) {
      const label = labelWithRules('train', rules)
      expect(label.length).toBeLessThanOrEqual('train '.length + 30)
      expect(markerOf(label)).toEqual({ kind: 'full', rules })
    }
    expect(labelWithRules('train', both)).toBe('train autostop@1800000000.s.30.5')
    expect(encodeRules({ deadline: null, idle: null })).toBe('.s.0.0')
  })

  it('still reads the first format as a new deadline only', () => {
    expect(decodeRules('1800000000')).toEqual({ kind: 'deadline', atSec: 1_800_000_000 })
    const baked = { deadline: { action: 'destroy', atSec: 1 }, idle: both.idle } as const
    expect(rulesFromLabel('x autostop@1800000600', baked)).toEqual({
      deadline: { action: 'destroy', atSec: 1_800_000_600 },
      idle: both.idle,
    })
  })

  it.each(UNREADABLE)('treats %j as unreadable (the instance keeps its rules)', (body) => {
    expect(decodeRules(body)).toBeNull()
    expect(rulesFromLabel(`train autostop@${body}`, both)).toBe(both)
  })

  it('has no deadline as an empty field, never 0 (which the first snippet would act on)', () => {
    expect(labelWithRules('', { deadline: null, idle: both.idle })).toBe('autostop@.s.30.5')
  })

  it('keeps the user text and a single marker, whatever was there', () => {
    const messy = 'my autostop@junk box autostop@1800000000'
    expect(stripMarkers(messy)).toBe('my box')
    expect(labelWithRules(messy, both)).toBe('my box autostop@1800000000.s.30.5')
    expect(labelKeepingMarker('old autostop@.s.30.5', 'new name')).toBe('new name autostop@.s.30.5')
    expect(labelKeepingMarker('old', 'new autostop@1')).toBe('new')
  })

  it('moves the deadline and keeps the other rules (Extend)', () => {
    expect(labelWithNewDeadline('t autostop@1800000000.d.30.5', 1_800_003_600)).toBe(
      't autostop@1800003600.d.30.5',
    )
    expect(labelWithNewDeadline('t autostop@.s.30.5', 1_800_003_600)).toBe(
      't autostop@1800003600.s.30.5',
    )
    expect(labelWithNewDeadline('t', 1_800_003_600)).toBe('t autostop@1800003600')
  })
})

describe('rules from money and time', () => {
  it('turns a budget into a deadline at the instance rate', () => {
    expect(budgetDeadlineSec({ budgetUsd: 5, dphTotal: 0.5, nowSec: 1_000 })).toBe(1_000 + 36_000)
    expect(budgetDeadlineSec({ budgetUsd: 5, dphTotal: 0.5, nowSec: 1_000, spentUsd: 4 })).toBe(
      1_000 + 7_200,
    )
    expect(budgetDeadlineSec({ budgetUsd: 5, dphTotal: 0.5, nowSec: 1_000, spentUsd: 9 })).toBe(
      1_000,
    )
    expect(budgetDeadlineSec({ budgetUsd: 5, dphTotal: 0, nowSec: 1_000 })).toBeNull()
    expect(budgetDeadlineSec({ budgetUsd: 5, dphTotal: null, nowSec: 1_000 })).toBeNull()
  })

  it('keeps the earliest deadline, stop before destroy on a tie', () => {
    const stop = { action: 'stop', atSec: 200 } as const
    const destroy = { action: 'destroy', atSec: 100 } as const
    expect(earliestDeadline(stop, destroy)).toBe(destroy)
    expect(earliestDeadline({ action: 'destroy', atSec: 200 }, stop)).toBe(stop)
    expect(earliestDeadline(null, undefined)).toBeNull()
  })

  it('says what is wrong with an idle rule', () => {
    expect(idleRuleProblem({ minutes: 30, belowPct: 5 })).toBeNull()
    expect(idleRuleProblem({ minutes: 0, belowPct: 5 })).toMatch(/minutes/)
    expect(idleRuleProblem({ minutes: 1.5, belowPct: 5 })).toMatch(/minutes/)
    expect(idleRuleProblem({ minutes: 30, belowPct: 101 })).toMatch(/threshold/)
  })
})

/** The snippet's own number check and rule parser, run on each body; one line per body. */
function shellReads(shell: string[], bodies: string[]): string[] {
  const snippet = watchdogSnippet(both)
  const start = snippet.indexOf('n() {')
  const end = snippet.indexOf('upd() {')
  const script = `${snippet.slice(start, end)}
O=-1
for b in "$@"; do
  D=- A=- N=- P=-
  if rules "$b"; then echo "ok|$D|$A|$N|$P"; else echo bad; fi
done`
  const [bin = 'sh', ...args] = shell
  return execFileSync(bin, [...args, '-c', script, 'sh', ...bodies])
    .toString()
    .trimEnd()
    .split('\n')
}

/** The same, as the app decodes it. */
function appReads(body: string): string {
  const decoded = decodeRules(body)
  if (!decoded) return 'bad'
  if (decoded.kind === 'deadline') return `ok|${decoded.atSec}|-|-|-`
  const { deadline, idle } = decoded.rules
  // Without a deadline (or idle rule) the action (or threshold) is read but does nothing.
  const [, a, , p] = body.split('.')
  const action = a === 'd' ? 'destroy' : 'stop'
  return `ok|${deadline?.atSec ?? ''}|${deadline?.action ?? action}|${idle?.minutes ?? 0}|${p}`
}

const BODIES = [
  '1800000000.s.30.5',
  '1800000000.d.0.0',
  '.s.30.5',
  '.d.1.100',
  '1800000000',
  '0',
  '99999999999.s.99999.100',
  ...UNREADABLE,
]

describe('the app and the snippet read a marker alike', () => {
  it.each([
    { name: 'sh (dash)', shell: ['/bin/sh'], skip: false },
    {
      name: BUSYBOX ? 'busybox sh' : 'busybox sh (skipped: busybox is not installed)',
      shell: [BUSYBOX ?? 'busybox', 'sh'],
      skip: !BUSYBOX,
    },
  ])('in $name', ({ shell, skip }) => {
    if (skip) return
    const normal = (line: string) => {
      const [ok, d, a, n, p] = line.split('|')
      if (ok !== 'ok') return line
      return [
        ok,
        d,
        a,
        n === '-' ? '-' : String(Number(n)),
        p === '-' ? '-' : String(Number(p)),
      ].join('|')
    }
    expect(shellReads(shell, BODIES).map(normal)).toEqual(BODIES.map(appReads).map(normal))
  })
})
