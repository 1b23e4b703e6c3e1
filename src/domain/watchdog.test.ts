// @vitest-environment node
// The watchdog's rules, really run by sh (dash) and busybox sh against the simulator over HTTP,
// with a fake nvidia-smi on PATH and time scaled down (1 "minute" = 1 s, checks every second).
import { describe, expect, it } from 'vitest'
import {
  BUSYBOX,
  nowSec,
  runningBox,
  sleepMs,
  snippetSuite,
  until,
  writesTo,
  type Shell,
} from '../test/snippet-harness'
import { requestLog } from '../simulator/model'
import { watchdogSnippet } from './auto-stop'
import { parseWatchdogLog } from './watchdog-log'
import { labelWithRules } from './watchdog-rules'

const { sandbox, run } = snippetSuite()

const idleOnly = (minutes: number, belowPct: number) =>
  watchdogSnippet({ deadline: null, idle: { minutes, belowPct } })

const SHELLS: { shell: Shell; title: string; skip: boolean }[] = [
  { shell: 'dash', title: 'sh (dash)', skip: false },
  {
    shell: 'busybox',
    title: BUSYBOX ? 'busybox sh' : 'busybox sh (skipped: busybox is not installed)',
    skip: !BUSYBOX,
  },
]

describe.each(SHELLS)('watchdog in $title', ({ shell, skip }) => {
  it.skipIf(skip)('stops an instance whose GPUs all stay idle for M minutes', async () => {
    const { world, id, env } = runningBox()
    const box = sandbox('curl', { shell, gpus: [0, 3] })
    const started = Date.now()
    const watchdog = run(idleOnly(3, 5), { PATH: box.path, ...env }, shell)
    await until(() => world.instances.get(id)?.transition.kind === 'stop')
    // 3 scaled minutes of idle samples, counted in whole seconds: at least 2 s of real time.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000)
    expect(writesTo(world, id).map((r) => r.body)).toEqual([{ state: 'stopped' }])
    await until(() => watchdog.output().includes('watchdog: stop requested'))
    expect(watchdog.output()).toContain('auto-stop: armed, no deadline with curl')
    expect(watchdog.output()).toContain('watchdog: rules no deadline, idle 3 min < 5%')
    expect(parseWatchdogLog(watchdog.output()).fired).toMatchObject([
      { action: 'stop', rule: { kind: 'idle', minutes: 3, belowPct: 5 } },
    ])
    expect(await watchdog.exited).toBe(0)
  })

  it.skipIf(skip)('leaves it running while any GPU is busy', async () => {
    const { world, id, env } = runningBox()
    const box = sandbox('curl', { shell, gpus: [0, 80] })
    const watchdog = run(idleOnly(2, 5), { PATH: box.path, ...env }, shell)
    await until(() => box.samples() >= 4)
    expect(writesTo(world, id)).toHaveLength(0)
    expect(world.instances.get(id)?.transition.kind).toBe('create')
    expect(watchdog.output()).not.toContain('requested')
  })

  it.skipIf(skip)('without nvidia-smi says so once and still stops at the deadline', async () => {
    const { world, id, env } = runningBox()
    const watchdog = run(
      watchdogSnippet({
        deadline: { action: 'stop', atSec: nowSec() + 2 },
        idle: { minutes: 1, belowPct: 5 },
      }),
      { PATH: sandbox('curl', { shell }).path, ...env },
      shell,
    )
    await until(() => world.instances.get(id)?.transition.kind === 'stop')
    await until(() => watchdog.output().includes('watchdog: stop requested (deadline'))
    const said = watchdog.output().split('watchdog: nvidia-smi not found; idle rule off')
    expect(said).toHaveLength(2)
    expect(parseWatchdogLog(watchdog.output()).idleRuleOff).toBe(true)
  })

  it.skipIf(skip)('takes new rules from the label without a restart', async () => {
    const { world, id, env, setLabel } = runningBox()
    // 10 % is busy for the rule set at rent (under 5 %)…
    const box = sandbox('curl', { shell, gpus: [10] })
    const watchdog = run(idleOnly(2, 5), { PATH: box.path, ...env }, shell)
    await until(() => box.samples() >= 3)
    expect(writesTo(world, id)).toHaveLength(0)
    // …and idle once the user raises the threshold to 50 % on the card.
    setLabel(labelWithRules('train', { deadline: null, idle: { minutes: 2, belowPct: 50 } }))
    await until(() => world.instances.get(id)?.transition.kind === 'stop')
    await until(() => watchdog.output().includes('requested'))
    expect(watchdog.output()).toContain('watchdog: rules no deadline, idle 2 min < 50%')
    expect(watchdog.output()).toContain('watchdog: stop requested (idle 2 min < 50%) at ')
  })

  it.skipIf(skip)('keeps the last good rules when the marker is unreadable', async () => {
    const { world, id, env, setLabel } = runningBox()
    setLabel(
      labelWithRules('train', { deadline: { action: 'stop', atSec: nowSec() + 600 }, idle: null }),
    )
    const watchdog = run(
      watchdogSnippet({ deadline: { action: 'stop', atSec: nowSec() + 1 }, idle: null }),
      { PATH: sandbox('curl', { shell }).path, ...env },
      shell,
    )
    await until(() => watchdog.output().includes('armed'))
    // The first format read only digits: this would have been a deadline in 1970.
    setLabel('train autostop@1x')
    await until(() =>
      watchdog.output().includes('unreadable rules in label; keeping the last ones'),
    )
    await sleepMs(1_500)
    expect(writesTo(world, id)).toHaveLength(0)
  })
})

describe('watchdog, more rules (sh)', () => {
  it('destroys when the label moves a destroy deadline forward', async () => {
    const { world, id, env, setLabel } = runningBox()
    const watchdog = run(
      watchdogSnippet({ deadline: { action: 'stop', atSec: nowSec() + 600 }, idle: null }),
      { PATH: sandbox('python3').path, ...env },
    )
    await until(() => watchdog.output().includes('armed'))
    // A deadline at or before the snippet's own start is dropped (a restart past it): one second on.
    setLabel(
      labelWithRules('', { deadline: { action: 'destroy', atSec: nowSec() + 1 }, idle: null }),
    )
    await until(() => !world.instances.has(id))
    expect(writesTo(world, id).map((r) => r.method)).toEqual(['DELETE'])
  })

  it('after a restart past the deadline, drops only the deadline and still watches idle', async () => {
    const { world, id, env } = runningBox()
    const watchdog = run(
      watchdogSnippet({
        deadline: { action: 'destroy', atSec: nowSec() - 60 },
        idle: { minutes: 1, belowPct: 5 },
      }),
      { PATH: sandbox('wget', { gpus: [1] }).path, ...env },
    )
    await until(() => world.instances.get(id)?.transition.kind === 'stop')
    expect(watchdog.output()).toContain(
      'auto-stop: deadline passed before this start; deadline off',
    )
    expect(watchdog.output()).toContain('auto-stop: armed, no deadline with wget')
    expect(writesTo(world, id).map((r) => r.method)).toEqual(['PUT'])
  })

  it('counts unreadable utilisation as busy, and says so once', async () => {
    const { world, id, env } = runningBox()
    const box = sandbox('curl', { gpus: ['[N/A]'] })
    const watchdog = run(idleOnly(1, 5), { PATH: box.path, ...env })
    await until(() => box.samples() >= 3)
    expect(writesTo(world, id)).toHaveLength(0)
    expect(watchdog.output().split('nvidia-smi unreadable; GPUs counted busy')).toHaveLength(2)
  })

  it.skipIf(!BUSYBOX)(
    "is not armed with busybox's wget, which cannot send PUT or DELETE",
    async () => {
      const { world, id, env } = runningBox()
      const watchdog = run(
        idleOnly(1, 5),
        { PATH: sandbox('busybox-wget', { shell: 'busybox' }).path, ...env },
        'busybox',
      )
      expect(await watchdog.exited).toBe(0)
      expect(watchdog.output()).toContain('auto-stop: needs curl, wget or python3; not armed')
      expect(requestLog(world)).toHaveLength(0)
      expect(world.instances.get(id)?.transition.kind).toBe('create')
    },
  )
})
