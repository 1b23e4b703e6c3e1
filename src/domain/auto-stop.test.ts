// @vitest-environment node
// The auto-stop snippet, really run by /bin/sh (dash) against the simulator over HTTP, with a
// PATH that holds only the basics plus one HTTP tool (curl, wget or python3) or none at all.
import { describe, expect, it } from 'vitest'
import { nowSec, runningBox, sleepMs, snippetSuite, until, writesTo } from '../test/snippet-harness'
import { createWorld, requestLog } from '../simulator/model'
import {
  autoStopSnippet,
  labelWithDeadline,
  ONSTART_MAX_CHARS,
  onstartRoom,
  readAutoStop,
  readWatchdog,
  SNIPPET_TAG_V1,
  stripAutoStopMarker,
  withAutoStop,
  withWatchdog,
} from './auto-stop'
import { labelWithRules } from './watchdog-rules'

const { base, sandbox, run: runSnippet } = snippetSuite()

describe('auto-stop snippet, run in sh against the simulator', () => {
  it.each(['curl', 'wget', 'python3'] as const)(
    'stops its own instance at the deadline with %s',
    async (tool) => {
      const { world, id, env } = runningBox()
      const run = runSnippet(autoStopSnippet('stop', nowSec() + 2), {
        PATH: sandbox(tool).path,
        ...env,
      })
      await until(() => world.instances.get(id)?.transition.kind === 'stop')
      expect(writesTo(world, id).map((r) => r.body)).toEqual([{ state: 'stopped' }])
      await until(() => run.output().includes('watchdog: stop requested (deadline'))
      expect(run.output()).toContain(`auto-stop: armed, stop at`)
      expect(run.output()).toContain(`with ${tool}`)
    },
  )

  it('destroys instead when asked to', async () => {
    const { world, id, env } = runningBox()
    runSnippet(autoStopSnippet('destroy', nowSec() + 1), { PATH: sandbox('curl').path, ...env })
    await until(() => !world.instances.has(id))
    expect(requestLog(world).filter((r) => r.method === 'DELETE')).toHaveLength(1)
  })

  it('does nothing, and says so, without curl, wget or python3', async () => {
    const { world, id, env } = runningBox()
    const run = runSnippet(autoStopSnippet('stop', nowSec() + 1), {
      PATH: sandbox(null).path,
      ...env,
    })
    expect(await run.exited).toBe(0)
    await until(() => run.output().includes('needs curl, wget or python3; not armed'))
    await sleepMs(2_000)
    expect(world.instances.get(id)?.transition.kind).toBe('create')
    expect(requestLog(world)).toHaveLength(0)
  })

  it('is not armed when the container starts after the deadline (a later restart)', async () => {
    const { world, id, env } = runningBox()
    const run = runSnippet(autoStopSnippet('stop', nowSec() - 5), {
      PATH: sandbox('curl').path,
      ...env,
    })
    await until(() => run.output().includes('deadline passed before this start; not armed'))
    expect(await run.exited).toBe(0)
    expect(writesTo(world, id)).toHaveLength(0)
  })

  it.each(['curl', 'wget', 'python3'] as const)(
    'follows an Extend: a later deadline in the label keeps it running (%s)',
    async (tool) => {
      const { world, id, env, setLabel } = runningBox()
      setLabel(labelWithDeadline('train', nowSec() + 600))
      runSnippet(autoStopSnippet('stop', nowSec() + 1), { PATH: sandbox(tool).path, ...env })
      await until(() => requestLog(world).filter((r) => r.method === 'GET').length >= 3)
      expect(world.instances.get(id)?.transition.kind).toBe('create')
      expect(writesTo(world, id)).toHaveLength(0)
    },
  )

  it("cannot touch another instance with a container's key", async () => {
    const world = createWorld({ instances: 2, rateLimits: false })
    const [a, b] = [...world.instances.values()]
    if (!a || !b) throw new Error('no instances')
    const res = await fetch(`${base()}/api/v0/instances/${b.id}/`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${a.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'stopped' }),
    })
    expect(res.status).toBe(403)
    expect(b.transition.kind).toBe('create')
  })
})

describe('auto-stop bookkeeping', () => {
  /** The launch mode Vast reports for an SSH rental: the snippet runs (auto-stop-armed.test.ts). */
  const SSH = 'ssh ssh_direc ssh_proxy'
  it('reads the action and deadline back from onstart, the label overriding it', () => {
    const onstart = withAutoStop('echo hi', 'destroy', 1_800_000_000)
    expect(onstart.endsWith('echo hi')).toBe(true)
    expect(readAutoStop({ label: null, onstart, image_runtype: SSH })).toEqual({
      action: 'destroy',
      deadlineSec: 1_800_000_000,
    })
    expect(
      readAutoStop({
        label: labelWithDeadline('my box', 1_800_003_600),
        onstart,
        image_runtype: SSH,
      }),
    ).toEqual({
      action: 'destroy',
      deadlineSec: 1_800_003_600,
    })
    expect(readAutoStop({ label: null, onstart: 'echo hi', image_runtype: SSH })).toBeNull()
  })
  it('still reads instances armed with the first snippet version', () => {
    const onstart = `${SNIPPET_TAG_V1} (A=stop D=1800000000)\n(\n...\n) &\necho hi`
    expect(readAutoStop({ label: null, onstart, image_runtype: SSH })).toEqual({
      action: 'stop',
      deadlineSec: 1_800_000_000,
    })
    expect(
      readAutoStop({ label: 'x autostop@1800000600', onstart, image_runtype: SSH })?.deadlineSec,
    ).toBe(1_800_000_600)
  })
  it('reads every rule back, the label overriding the ones set at rent', () => {
    const baked = {
      deadline: { action: 'stop', atSec: 1_800_000_000 },
      idle: { minutes: 30, belowPct: 5 },
    } as const
    const onstart = withWatchdog('echo hi', baked)
    expect(readWatchdog({ label: 'box', onstart })).toEqual({ version: 2, baked, rules: baked })
    const changed = { deadline: null, idle: { minutes: 10, belowPct: 20 } }
    expect(readWatchdog({ label: labelWithRules('box', changed), onstart })?.rules).toEqual(changed)
    // The first snippet follows only a deadline, whatever the label says.
    const v1 = `${SNIPPET_TAG_V1} (A=destroy D=1800000000)\necho hi`
    expect(readWatchdog({ label: 'autostop@1800000600.s.10.20', onstart: v1 })).toEqual({
      version: 1,
      baked: { deadline: { action: 'destroy', atSec: 1_800_000_000 }, idle: null },
      rules: { deadline: { action: 'destroy', atSec: 1_800_000_600 }, idle: null },
    })
    expect(readWatchdog({ label: 'autostop@.s.10.20', onstart: v1 })?.rules.deadline).toBeNull()
    expect(readWatchdog({ label: null, onstart: 'echo hi' })).toBeNull()
  })
  it('keeps the user label around the marker', () => {
    const label = labelWithDeadline(labelWithDeadline('my box', 1), 2)
    expect(label).toBe('my box autostop@2')
    expect(stripAutoStopMarker(label)).toBe('my box')
  })
  it('never carries a marker itself, nor any key', () => {
    const snippet = autoStopSnippet('stop', 1_800_000_000)
    expect(snippet).not.toContain('autostop@')
    expect(snippet).toContain('$CONTAINER_API_KEY')
    expect(snippet.length).toBeLessThan(3_300)
  })
  it('leaves room in onstart for the user script', () => {
    const rules = {
      deadline: { action: 'destroy', atSec: 99_999_999_999 },
      idle: { minutes: 99_999, belowPct: 100 },
    } as const
    expect(onstartRoom(rules)).toBeGreaterThan(800)
    expect(withWatchdog('echo hi', rules)).toHaveLength(ONSTART_MAX_CHARS - onstartRoom(rules) + 7)
  })
})
