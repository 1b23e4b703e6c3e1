/**
 * Instance logs (reference §6): `PUT /api/v0/instances/request_logs/{id}/` answers a `result_url`;
 * the log appears there a moment later (S3 answers 404 NoSuchKey until then). Here the first GET
 * of a result URL is "not ready" and later ones return the text. The URL is served from the
 * simulator's own origin under `/vast.ai/instance_logs/`, the path S3 uses.
 */
import { readWatchdog } from '../domain/auto-stop'
import { onstartRuns } from '../domain/launch-mode'
import { LIFECYCLE_MS, phaseAt, repoOf, type SimInstance } from './lifecycle'
import { fail, ok, type SimResponse } from './responses'
import { worldNow, type World } from './model'

export const LOG_PATH_PREFIX = '/vast.ai/instance_logs/'
const MAX_TAIL = 10_000
const DEFAULT_TAIL = 1_000

interface LogJob {
  text: string
  gets: number
}

const jobs = new Map<string, LogJob>()

function token(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** When the container (re)started and ran its command, oldest first (ms). */
function boots(inst: SimInstance, now: number): number[] {
  const t = inst.transition
  if (t.kind === 'fail') return []
  const first = inst.createdAt + LIFECYCLE_MS.provisioning + LIFECYCLE_MS.loading
  const starts = first <= now && (t.kind === 'create' || t.at >= first) ? [first] : []
  const restart =
    t.kind === 'start'
      ? t.at + LIFECYCLE_MS.scheduling + LIFECYCLE_MS.restartLoading
      : t.kind === 'reboot'
        ? t.at + LIFECYCLE_MS.rebooting
        : null
  if (restart !== null && restart <= now) starts.push(restart)
  return starts
}

/**
 * What the watchdog snippet prints when it starts at `bootSec` (auto-stop.ts): armed with curl
 * (every simulated image has it), or why not. The label's rules apply over the baked ones.
 */
function watchdogLines(inst: SimInstance, bootSec: number): string[] {
  const rules = readWatchdog(inst)?.rules
  if (!rules) return []
  let deadline = rules.deadline
  const lines: string[] = []
  if (deadline && deadline.atSec <= bootSec) {
    deadline = null
    if (!rules.idle) return ['auto-stop: deadline passed before this start; not armed']
    lines.push('auto-stop: deadline passed before this start; deadline off')
  }
  const at = deadline ? `${deadline.action} at ${deadline.atSec}` : 'no deadline'
  const idle = rules.idle ? `idle ${rules.idle.minutes} min < ${rules.idle.belowPct}%` : 'idle off'
  return [...lines, `auto-stop: armed, ${at} with curl`, `watchdog: rules ${at}, ${idle}`]
}

/**
 * What the container printed: boot lines; at each start the onstart script (and the watchdog's
 * arming) under SSH/Jupyter, or the image's own command under `args`, where Vast runs no
 * onstart (docs creating-instances-with-api.mdx "Entrypoint Behavior"); then work lines.
 */
function logLines(world: World, id: number): string[] {
  const inst = world.instances.get(id)
  if (!inst) return []
  const now = worldNow(world)
  const { phase } = phaseAt(inst.transition, now)
  const stamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19)
  const lines: { at: number; text: string }[] = [
    { at: inst.createdAt, text: `[vast] pulling ${inst.image}` },
    { at: inst.createdAt + 5_000, text: '[vast] container created' },
  ]
  if (phase === 'provisioning' || phase === 'failed')
    return lines.map(({ at, text }) => `${stamp(at)} ${text}`)
  const runsOnstart = onstartRuns(inst.imageRuntype)
  for (const at of boots(inst, now)) {
    if (!runsOnstart) {
      lines.push({ at, text: `[entrypoint] ${repoOf(inst.image)}: the image's own command` })
      continue
    }
    if (!inst.onstart) continue
    lines.push({ at, text: '[onstart] running onstart script' })
    for (const text of watchdogLines(inst, Math.floor(at / 1000)))
      lines.push({ at, text: `[onstart] ${text}` })
  }
  const minutes = Math.min(3_000, Math.floor((now - inst.createdAt) / 60_000))
  for (let m = 1; m <= minutes; m += 1) {
    const level = m % 17 === 0 ? 'WARN' : 'INFO'
    lines.push({
      at: inst.createdAt + m * 60_000,
      text: `[app] ${level} step ${m * 100} loss=${(2 / (1 + m / 50)).toFixed(4)}`,
    })
  }
  return lines.sort((a, b) => a.at - b.at).map(({ at, text }) => `${stamp(at)} ${text}`)
}

/** `PUT /api/v0/instances/request_logs/{id}/` `{tail?, filter?, daemon_logs?}` (strings). */
export function requestLogs(
  world: World,
  rawId: string,
  body: unknown,
  origin: string,
): SimResponse {
  if (!/^\d+$/.test(rawId)) return fail(400, 'invalid_id', 'invalid instance_id')
  const id = Number(rawId)
  if (!world.instances.has(id)) return fail(404, 'no_such_instance', `Instance ${id} not found.`)
  const record = typeof body === 'object' && body !== null ? body : {}
  const tailRaw = 'tail' in record ? record.tail : undefined
  const tail =
    typeof tailRaw === 'string' && /^\d+$/.test(tailRaw)
      ? Math.min(MAX_TAIL, Number(tailRaw))
      : typeof tailRaw === 'number' && Number.isInteger(tailRaw)
        ? Math.min(MAX_TAIL, tailRaw)
        : DEFAULT_TAIL
  if (world.switches.logs === 'msg_only')
    return ok({ success: true, msg: 'Logs are not available for this instance yet.' })
  const filterRaw = 'filter' in record ? record.filter : undefined
  let lines = logLines(world, id)
  if (typeof filterRaw === 'string' && filterRaw !== '')
    lines = lines.filter((l) => l.includes(filterRaw))
  const name = token()
  jobs.set(name, { text: `${lines.slice(-tail).join('\n')}\n`, gets: 0 })
  return ok({
    success: true,
    result_url: `${origin}${LOG_PATH_PREFIX}${name}.log`,
    msg: 'Logs will be available at the url shortly.',
  })
}

const NO_SUCH_KEY = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>`

/** `GET <result_url>`: 404 NoSuchKey the first time, then the log text. No auth (pre-signed). */
export function readLog(file: string): SimResponse {
  const job = jobs.get(file.replace(/\.log$/, ''))
  if (!job)
    return {
      status: 404,
      kind: 'html',
      body: NO_SUCH_KEY,
      headers: { 'content-type': 'application/xml' },
    }
  job.gets += 1
  if (job.gets === 1)
    return {
      status: 404,
      kind: 'html',
      body: NO_SUCH_KEY,
      headers: { 'content-type': 'application/xml' },
    }
  return { status: 200, kind: 'text', body: job.text }
}

/** Tests: drop every log job. */
export const resetLogs = () => jobs.clear()
