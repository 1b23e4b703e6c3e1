/**
 * Instance logs (reference §6): `PUT /api/v0/instances/request_logs/{id}/` answers a `result_url`;
 * the log appears there a moment later (S3 answers 404 NoSuchKey until then). Here the first GET
 * of a result URL is "not ready" and later ones return the text. The URL is served from the
 * simulator's own origin under `/vast.ai/instance_logs/`, the path S3 uses.
 */
import { phaseAt } from './lifecycle'
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

/** What the container printed: boot lines, the onstart, then periodic work lines. */
function logLines(world: World, id: number): string[] {
  const inst = world.instances.get(id)
  if (!inst) return []
  const now = worldNow(world)
  const { phase } = phaseAt(inst.transition, now)
  const stamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19)
  const lines = [
    `${stamp(inst.createdAt)} [vast] pulling ${inst.image}`,
    `${stamp(inst.createdAt + 5_000)} [vast] container created`,
  ]
  if (inst.onstart) lines.push(`${stamp(inst.createdAt + 6_000)} [onstart] running onstart script`)
  if (phase === 'provisioning' || phase === 'failed') return lines
  const minutes = Math.min(3_000, Math.floor((now - inst.createdAt) / 60_000))
  for (let m = 1; m <= minutes; m += 1) {
    const level = m % 17 === 0 ? 'WARN' : 'INFO'
    lines.push(
      `${stamp(inst.createdAt + m * 60_000)} [app] ${level} step ${m * 100} loss=${(2 / (1 + m / 50)).toFixed(4)}`,
    )
  }
  return lines
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
