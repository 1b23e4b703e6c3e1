// The simulated instance log prints the start script's output only where Vast runs it: under
// SSH and Jupyter launch modes (docs creating-instances-with-api.mdx "Entrypoint Behavior").
import { describe, expect, it } from 'vitest'
import { withWatchdog } from '../domain/auto-stop'
import { bodyOf, records, rentFirst } from '../test/sim-model'
import { LIFECYCLE_MS } from './lifecycle'
import { readLog, requestLogs } from './logs'
import { advance, createWorld, manageInstance, worldNow, type World } from './model'
import { searchTemplates } from './templates'

const RUNNING = LIFECYCLE_MS.provisioning + LIFECYCLE_MS.loading

function logOf(world: World, id: number): string {
  const url = String(
    bodyOf(requestLogs(world, String(id), { tail: '1000' }, 'http://x')).result_url,
  )
  const file = url.split('/').pop() ?? ''
  readLog(file) // the first read is "not ready yet", as on S3
  const res = readLog(file)
  return 'body' in res && typeof res.body === 'string' ? res.body : ''
}

/** A public template of the catalogue, by name. */
function publicTemplate(name: string) {
  const query = new URLSearchParams({ select_filters: JSON.stringify({ name: { eq: name } }) })
  const [row] = records(bodyOf(searchTemplates(0, query)).templates)
  if (!row) throw new Error(`no template ${name}`)
  return { hashId: String(row.hash_id), runtype: row.runtype }
}

function setup() {
  const world = createWorld({ rateLimits: false })
  const deadline = Math.floor(worldNow(world) / 1000) + 7200
  const onstart = withWatchdog('echo hello', {
    deadline: { action: 'stop', atSec: deadline },
    idle: null,
  })
  return { world, deadline, onstart }
}

describe('instance logs and the launch mode', () => {
  it('SSH: the start script runs once the container is up, and the watchdog says it is armed', () => {
    const { world, deadline, onstart } = setup()
    const { id } = rentFirst(world, { runtype: 'ssh_direc ssh_proxy', onstart })
    advance(world, LIFECYCLE_MS.provisioning + 1_000)
    expect(logOf(world, id)).not.toContain('auto-stop:')
    advance(world, RUNNING)
    const log = logOf(world, id)
    expect(log).toContain('[onstart] running onstart script')
    expect(log).toContain(`auto-stop: armed, stop at ${deadline} with curl`)
    expect(log).toContain(`watchdog: rules stop at ${deadline}, idle off`)
  })

  it('args: the image’s own command runs; no start script, no watchdog line', () => {
    const { world, onstart } = setup()
    const { id } = rentFirst(world, {
      image: 'ghcr.io/huggingface/text-generation-inference:3.0',
      runtype: 'args',
      onstart,
    })
    advance(world, RUNNING + 60_000)
    const log = logOf(world, id)
    expect(log).toContain(
      "[entrypoint] ghcr.io/huggingface/text-generation-inference: the image's own command",
    )
    expect(log).not.toContain('onstart')
    expect(log).not.toContain('auto-stop:')
  })

  it('the catalogue has templates of each launch mode', () => {
    expect(publicTemplate('vLLM').runtype).toBe('ssh')
    expect(publicTemplate('ComfyUI').runtype).toBe('jupyter')
    expect(publicTemplate('llama.cpp server').runtype).toBe('args')
  })

  it('a template’s args mode applies, and a request’s runtype overrides it', () => {
    const template = publicTemplate('Text Generation Inference')
    expect(template.runtype).toBe('args')
    const { world, onstart } = setup()
    const plain = rentFirst(world, {
      image: undefined,
      runtype: undefined,
      template_hash_id: template.hashId,
      onstart,
    })
    const ssh = rentFirst(world, {
      image: undefined,
      template_hash_id: template.hashId,
      runtype: 'ssh_direc ssh_proxy',
      onstart,
    })
    advance(world, RUNNING)
    expect(logOf(world, plain.id)).not.toContain('auto-stop:')
    expect(logOf(world, ssh.id)).toContain('auto-stop: armed, stop at')
  })

  it('a start after the deadline prints why it did not arm', () => {
    const { world, deadline, onstart } = setup()
    const { id } = rentFirst(world, { runtype: 'ssh_direc ssh_proxy', onstart })
    advance(world, RUNNING)
    expect(manageInstance(world, String(id), { state: 'stopped' }).status).toBe(200)
    advance(world, 3 * 3600_000)
    expect(manageInstance(world, String(id), { state: 'running' }).status).toBe(200)
    advance(world, 60_000)
    const log = logOf(world, id)
    expect(log).toContain(`auto-stop: armed, stop at ${deadline} with curl`)
    expect(
      log
        .trimEnd()
        .split('\n')
        .filter((l) => l.includes('auto-stop:'))
        .at(-1),
    ).toContain('auto-stop: deadline passed before this start; not armed')
  })
})
