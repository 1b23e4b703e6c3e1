// @vitest-environment node
// The auto-stop snippet, really run by /bin/sh (dash) against the simulator over HTTP, with a
// PATH that holds only the basics plus one HTTP tool (curl, wget or python3) or none at all.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getResponse } from 'msw'
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest'
import { handlers } from '../simulator/handlers'
import { createWorld, requestLog, type World } from '../simulator/model'
import {
  autoStopSnippet,
  labelWithDeadline,
  readAutoStop,
  stripAutoStopMarker,
  withAutoStop,
} from './auto-stop'

let server: Server
let base = ''

/** A plain node:http bridge to the simulator's handlers (what serve.ts does). */
beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const headers = new Headers()
      for (const [k, v] of Object.entries(req.headers)) {
        if (typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k))
          headers.set(k, v)
      }
      const method = req.method ?? 'GET'
      const request = new Request(new URL(req.url ?? '/', base), {
        method,
        headers,
        body: method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks),
      })
      void getResponse(handlers, request).then(async (response) => {
        if (!response) return res.writeHead(501).end()
        res.writeHead(response.status, Object.fromEntries(response.headers.entries()))
        res.end(Buffer.from(await response.arrayBuffer()))
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const children: ChildProcess[] = []
const dirs: string[] = []
afterEach(() => {
  for (const child of children.splice(0)) {
    // Our own process group only (spawned detached), e.g. a snippet still waiting.
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {
        // already gone
      }
    }
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const which = (bin: string) =>
  execFileSync('sh', ['-c', `command -v ${bin}`])
    .toString()
    .trim()
const realPython = () =>
  execFileSync('python3', ['-c', 'import sys; print(sys.executable)']).toString().trim()

/** A PATH with the basics the snippet needs and at most one HTTP tool. */
function pathWith(tool: 'curl' | 'wget' | 'python3' | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'autostop-'))
  dirs.push(dir)
  for (const bin of ['date', 'grep', 'head', 'sleep', 'cat'])
    symlinkSync(which(bin), join(dir, bin))
  if (tool === 'python3') symlinkSync(realPython(), join(dir, 'python3'))
  else if (tool) symlinkSync(which(tool), join(dir, tool))
  return dir
}

function runSnippet(
  snippet: string,
  env: Record<string, string>,
): { output: () => string; exited: Promise<number | null> } {
  let out = ''
  const child = spawn('/bin/sh', ['-c', snippet], {
    env: { VC_AUTOSTOP_INTERVAL: '1', VC_API_URL: base, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (out += d.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
  return { output: () => out, exited }
}

async function until(check: () => boolean, ms = 12_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 100))
  }
}

function runningBox(): { world: World; id: number; key: string } {
  const world = createWorld({ instances: 1, rateLimits: false })
  const [inst] = [...world.instances.values()]
  if (!inst) throw new Error('no instance')
  return { world, id: inst.id, key: inst.apiKey }
}

const stopPuts = (world: World, id: number) =>
  requestLog(world).filter((r) => r.method === 'PUT' && r.path === `/api/v0/instances/${id}/`)

const nowSec = () => Math.floor(Date.now() / 1000)

describe('auto-stop snippet, run in sh against the simulator', () => {
  it.each(['curl', 'wget', 'python3'] as const)(
    'stops its own instance at the deadline with %s',
    async (tool) => {
      const { world, id, key } = runningBox()
      const run = runSnippet(autoStopSnippet('stop', nowSec() + 2), {
        PATH: pathWith(tool),
        CONTAINER_API_KEY: key,
        CONTAINER_ID: String(id),
      })
      await until(() => world.instances.get(id)?.transition.kind === 'stop')
      expect(stopPuts(world, id).map((r) => r.body)).toEqual([{ state: 'stopped' }])
      await until(() => run.output().includes('auto-stop: stop requested'))
      expect(run.output()).toContain(`armed, stop at`)
      expect(run.output()).toContain(`with ${tool}`)
    },
  )

  it('destroys instead when asked to', async () => {
    const { world, id, key } = runningBox()
    runSnippet(autoStopSnippet('destroy', nowSec() + 1), {
      PATH: pathWith('curl'),
      CONTAINER_API_KEY: key,
      CONTAINER_ID: String(id),
    })
    await until(() => !world.instances.has(id))
    expect(requestLog(world).filter((r) => r.method === 'DELETE')).toHaveLength(1)
  })

  it('does nothing, and says so, without curl, wget or python3', async () => {
    const { world, id, key } = runningBox()
    const run = runSnippet(autoStopSnippet('stop', nowSec() + 1), {
      PATH: pathWith(null),
      CONTAINER_API_KEY: key,
      CONTAINER_ID: String(id),
    })
    expect(await run.exited).toBe(0)
    await until(() => run.output().includes('needs curl, wget or python3; not armed'))
    await new Promise((r) => setTimeout(r, 2_000))
    expect(world.instances.get(id)?.transition.kind).toBe('create')
    expect(requestLog(world)).toHaveLength(0)
  })

  it('is not armed when the container starts after the deadline (a later restart)', async () => {
    const { world, id, key } = runningBox()
    const run = runSnippet(autoStopSnippet('stop', nowSec() - 5), {
      PATH: pathWith('curl'),
      CONTAINER_API_KEY: key,
      CONTAINER_ID: String(id),
    })
    await until(() => run.output().includes('deadline passed before this start; not armed'))
    expect(requestLog(world)).toHaveLength(0)
  })

  it('follows an Extend: a later deadline in the label keeps it running', async () => {
    const { world, id, key } = runningBox()
    const inst = world.instances.get(id)
    if (!inst) throw new Error('no instance')
    inst.label = labelWithDeadline('train', nowSec() + 600)
    runSnippet(autoStopSnippet('stop', nowSec() + 1), {
      PATH: pathWith('curl'),
      CONTAINER_API_KEY: key,
      CONTAINER_ID: String(id),
    })
    await until(() => requestLog(world).filter((r) => r.method === 'GET').length >= 3)
    expect(inst.transition.kind).toBe('create')
    expect(stopPuts(world, id)).toHaveLength(0)
  })

  it("cannot touch another instance with a container's key", async () => {
    const world = createWorld({ instances: 2, rateLimits: false })
    const [a, b] = [...world.instances.values()]
    if (!a || !b) throw new Error('no instances')
    const res = await fetch(`${base}/api/v0/instances/${b.id}/`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${a.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'stopped' }),
    })
    expect(res.status).toBe(403)
    expect(b.transition.kind).toBe('create')
  })
})

describe('auto-stop bookkeeping', () => {
  it('reads the action and deadline back from onstart, the label overriding it', () => {
    const onstart = withAutoStop('echo hi', 'destroy', 1_800_000_000)
    expect(onstart.endsWith('echo hi')).toBe(true)
    expect(readAutoStop({ label: null, onstart })).toEqual({
      action: 'destroy',
      deadlineSec: 1_800_000_000,
    })
    expect(readAutoStop({ label: labelWithDeadline('my box', 1_800_003_600), onstart })).toEqual({
      action: 'destroy',
      deadlineSec: 1_800_003_600,
    })
    expect(readAutoStop({ label: null, onstart: 'echo hi' })).toBeNull()
  })
  it('keeps the user label around the marker', () => {
    const label = labelWithDeadline(labelWithDeadline('my box', 1), 2)
    expect(label).toBe('my box autostop@2')
    expect(stripAutoStopMarker(label)).toBe('my box')
  })
  it('never carries a marker with digits itself, nor any key', () => {
    const snippet = autoStopSnippet('stop', 1_800_000_000)
    expect(snippet).not.toMatch(/autostop@\d/)
    expect(snippet).toContain('$CONTAINER_API_KEY')
    expect(snippet.length).toBeLessThan(2_500)
  })
})
