/**
 * Runs the in-instance watchdog snippet for real: the simulator's handlers behind a plain
 * node:http server (what serve.ts does), the snippet in `sh` (dash) or busybox sh, with a PATH
 * that holds only the basics, at most one HTTP tool and, if asked, a fake `nvidia-smi` whose
 * utilisations the test writes to a file.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getResponse } from 'msw'
import { afterAll, afterEach, beforeAll, vi } from 'vitest'
import { handlers } from '../simulator/handlers'
import { createWorld, requestLog, type World } from '../simulator/model'

export type Shell = 'dash' | 'busybox'
export type HttpTool = 'curl' | 'wget' | 'python3' | 'busybox-wget'

const which = (bin: string): string | null => {
  try {
    return (
      execFileSync('sh', ['-c', `command -v ${bin}`])
        .toString()
        .trim() || null
    )
  } catch {
    return null
  }
}

/** busybox, when installed (`apt-get install busybox`); its tests are skipped without it. */
export const BUSYBOX = which('busybox')

const BASICS = ['date', 'grep', 'head', 'sleep', 'cat', 'timeout']

/** The simulator over HTTP for this file's tests; `base()` is its origin. */
export function simulatorOverHttp(): { base: () => string } {
  let server: Server | null = null
  let base = ''
  beforeAll(async () => {
    const bridge = createServer((req, res) => {
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
    server = bridge
    await new Promise<void>((resolve) => bridge.listen(0, '127.0.0.1', resolve))
    const address = bridge.address()
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  })
  afterAll(
    () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  )
  return { base: () => base }
}

export interface Run {
  /** Everything the snippet printed so far (stdout and stderr). */
  output: () => string
  /** The exit code, once the snippet and its background part are done (stdio closed). */
  exited: Promise<number | null>
}

export interface Sandbox {
  /** The PATH directory. */
  path: string
  /** What the fake nvidia-smi prints next (one utilisation per GPU and line). */
  setGpus: (utilisations: readonly (number | string)[]) => void
  /** How many times the fake nvidia-smi ran. */
  samples: () => number
}

/**
 * Sandboxes and runs, each cleaned up after its test: the snippet is killed through its own
 * process group (spawned detached), never anything else.
 */
export function snippetRunner(base: () => string) {
  const children: ChildProcess[] = []
  const dirs: string[] = []
  afterEach(() => {
    for (const child of children.splice(0)) {
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

  /** A PATH with the basics (busybox applets for busybox), one HTTP tool, maybe nvidia-smi. */
  function sandbox(
    tool: HttpTool | null,
    opts: { shell?: Shell; gpus?: readonly (number | string)[] } = {},
  ): Sandbox {
    const dir = mkdtempSync(join(tmpdir(), 'watchdog-'))
    dirs.push(dir)
    const link = (bin: string, target: string | null) => {
      if (!target) throw new Error(`${bin} is not installed`)
      symlinkSync(target, join(dir, bin))
    }
    for (const bin of BASICS) link(bin, opts.shell === 'busybox' ? BUSYBOX : which(bin))
    if (tool === 'python3')
      link(
        'python3',
        execFileSync('python3', ['-c', 'import sys; print(sys.executable)']).toString().trim(),
      )
    else if (tool === 'busybox-wget') link('wget', BUSYBOX)
    else if (tool) link(tool, which(tool))
    const gpuFile = join(dir, 'gpus.txt')
    const callFile = join(dir, 'calls.txt')
    const setGpus = (utilisations: readonly (number | string)[]) =>
      writeFileSync(gpuFile, utilisations.map((u) => `${u}\n`).join(''))
    const samples = () =>
      existsSync(callFile) ? readFileSync(callFile, 'utf8').split('\n').length - 1 : 0
    if (opts.gpus) {
      setGpus(opts.gpus)
      const fake = join(dir, 'nvidia-smi')
      writeFileSync(
        fake,
        [
          '#!/bin/sh',
          '[ "$*" = "--query-gpu=utilization.gpu --format=csv,noheader,nounits" ] || exit 9',
          `echo x >> "${callFile}"`,
          `cat "${gpuFile}"`,
          '',
        ].join('\n'),
      )
      chmodSync(fake, 0o755)
    }
    return { path: dir, setGpus, samples }
  }

  function run(snippet: string, env: Record<string, string>, shell: Shell = 'dash'): Run {
    let out = ''
    const [command, args] =
      shell === 'busybox' && BUSYBOX
        ? [BUSYBOX, ['sh', '-c', snippet]]
        : ['/bin/sh', ['-c', snippet]]
    const child = spawn(command, args, {
      env: {
        VC_AUTOSTOP_INTERVAL: '1',
        VC_WATCHDOG_SAMPLE: '1',
        VC_WATCHDOG_MINUTE: '1',
        VC_API_URL: base(),
        ...env,
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    children.push(child)
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
    return { output: () => out, exited }
  }

  return { sandbox, run }
}

/**
 * A snippet test file's setup: the simulator over HTTP, a runner against it, and room beyond the
 * default timeout (real shells, real timers: a loaded machine, CI on 2 cores, needs it).
 */
export function snippetSuite() {
  vi.setConfig({ testTimeout: 60_000 })
  const { base } = simulatorOverHttp()
  return { base, ...snippetRunner(base) }
}

export async function until(check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 100))
  }
}

export const sleepMs = (ms: number) => new Promise((r) => setTimeout(r, ms))

export interface Box {
  world: World
  id: number
  key: string
  /** The environment Vast gives the container. */
  env: { CONTAINER_API_KEY: string; CONTAINER_ID: string }
  setLabel: (label: string) => void
}

/** A world with one running instance. */
export function runningBox(): Box {
  const world = createWorld({ instances: 1, rateLimits: false })
  const [inst] = [...world.instances.values()]
  if (!inst) throw new Error('no instance')
  return {
    world,
    id: inst.id,
    key: inst.apiKey,
    env: { CONTAINER_API_KEY: inst.apiKey, CONTAINER_ID: String(inst.id) },
    setLabel: (label) => {
      inst.label = label
    },
  }
}

/** The stop (PUT) and destroy (DELETE) requests the instance received. */
export const writesTo = (world: World, id: number) =>
  requestLog(world).filter(
    (r) => (r.method === 'PUT' || r.method === 'DELETE') && r.path === `/api/v0/instances/${id}/`,
  )

export const nowSec = () => Math.floor(Date.now() / 1000)
