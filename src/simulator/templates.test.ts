// Template search and renting from a template, over HTTP through msw/node as the app sees them.
import { describe, expect, it } from 'vitest'
import { submitApiKey } from '../api/api-key-store'
import { getInstance } from '../api/instances/endpoints'
import { rentOffer } from '../api/offers/endpoints'
import { ApiError } from '../api/errors'
import { accountIdOf, createWorld, type World } from './model'
import { isRecord } from './responses'

const VLLM = '4e17788f74f075dd9aab7d0d4427968f'

async function templates(
  world: World,
  query: { select_filters?: unknown; order_by?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown>; rows: Record<string, unknown>[] }> {
  const params = new URLSearchParams(
    Object.entries(query).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  )
  const res = await fetch(`http://localhost/api/v0/template/?${params.toString()}`, {
    headers: { authorization: `Bearer ${world.key}` },
  })
  const body: unknown = await res.json()
  if (!isRecord(body)) throw new Error('expected a JSON object')
  const rows = Array.isArray(body.templates) ? body.templates.filter(isRecord) : []
  return { status: res.status, body, rows }
}

const names = (rows: Record<string, unknown>[]) => rows.map((r) => r.name)

describe('GET /api/v0/template/', () => {
  it('lists public templates and the account’s own private ones, in the envelope', async () => {
    const world = createWorld({ rateLimits: false })
    const other = createWorld({ rateLimits: false })
    const { status, body, rows } = await templates(world)
    expect(status).toBe(200)
    expect(body).toMatchObject({ success: true, templates_found: rows.length })
    expect(rows.length).toBeGreaterThanOrEqual(17)
    const own = rows.filter((r) => r.private === true)
    expect(own.map((r) => r.creator_id)).toEqual([accountIdOf(world), accountIdOf(world)])
    const theirs = await templates(other)
    expect(theirs.rows.filter((r) => r.private === true).map((r) => r.hash_id)).not.toEqual(
      own.map((r) => r.hash_id),
    )
    expect(typeof rows[0]?.created_at).toBe('number')
    expect(Number.isInteger(rows[0]?.created_at)).toBe(false)
  })

  it('orders by a plain column name (descending) as documented; public templates carry private: null', async () => {
    const world = createWorld({ rateLimits: false })
    const res = await fetch(
      `http://localhost/api/v0/template/?order_by=created_at&select_filters=${encodeURIComponent('{}')}`,
      { headers: { authorization: `Bearer ${world.key}` } },
    )
    expect(res.status).toBe(200)
    const body: unknown = await res.json()
    const rows =
      isRecord(body) && Array.isArray(body.templates) ? body.templates.filter(isRecord) : []
    const created = rows.map((r) => Number(r.created_at))
    expect(created).toEqual([...created].sort((a, b) => b - a))
    expect(rows.filter((r) => r.private !== true).every((r) => r.private === null)).toBe(true)
  })

  it('applies select_filters with the standard operators', async () => {
    const world = createWorld({ rateLimits: false })
    const big = await templates(world, {
      select_filters: { recommended_disk_space: { gte: 80 }, private: { neq: true } },
    })
    expect(names(big.rows).sort()).toEqual(['Axolotl', 'ComfyUI'])

    const some = await templates(world, {
      select_filters: { name: { in: ['vLLM', 'Ollama', 'Nope'] } },
      order_by: [{ col: 'name', dir: 'asc' }],
    })
    expect(names(some.rows)).toEqual(['Ollama', 'vLLM'])

    const notRecommended = await templates(world, {
      select_filters: { recommended: { neq: true }, creator_id: { notin: [accountIdOf(world)] } },
    })
    expect(notRecommended.rows.length).toBeGreaterThan(0)
    expect(notRecommended.rows.every((r) => r.recommended === false && r.private === null)).toBe(
      true,
    )
    const used = notRecommended.rows.map((r) => Number(r.count_created))
    expect(used).toEqual([...used].sort((a, b) => b - a))

    const byHash = await templates(world, { select_filters: { hash_id: VLLM } })
    expect(byHash.rows).toEqual([
      expect.objectContaining({ name: 'vLLM', image: 'vllm/vllm-openai', tag: 'latest' }),
    ])
  })

  it.each([
    [{ select_filters: { gpu_name: { eq: 'RTX 4090' } } }, 'gpu_name is not a valid search key'],
    [{ select_filters: '{not json' }, 'select_filters is not valid JSON'],
    [{ select_filters: [1] }, 'select_filters must be an object'],
    [{ order_by: [{ col: 'dph_total', dir: 'asc' }] }, 'dph_total is not a valid order column'],
  ])('answers 400 invalid_args to %j', async (query, msg) => {
    const { status, body } = await templates(createWorld({ rateLimits: false }), query)
    expect(status).toBe(400)
    expect(body).toMatchObject({ success: false, error: 'invalid_args' })
    expect(String(body.msg)).toContain(msg)
  })

  it('keeps searches 3 s apart (429 otherwise) and needs a key', async () => {
    const world = createWorld()
    expect((await templates(world)).status).toBe(200)
    const again = await fetch('http://localhost/api/v0/template/', {
      headers: { authorization: `Bearer ${world.key}` },
    })
    expect(again.status).toBe(429)
    expect(await again.text()).toBe('API requests too frequent endpoint threshold=3.0')
    expect((await fetch('http://localhost/api/v0/template/')).status).toBe(401)
  })
})

describe('renting with template_hash_id', () => {
  /** A rentable offer of the world's market, with the app signed in to that world. */
  function firstOffer(world: World): number {
    submitApiKey(world.key, false)
    const offer = [...world.offers.values()].find((o) => o.fields.rentable !== false)
    if (!offer) throw new Error('no offer')
    return offer.id
  }

  it('launches the template: its image, launch mode, env (merged by key) and start script', async () => {
    const world = createWorld({ rateLimits: false })
    const { instanceId } = await rentOffer(firstOffer(world), {
      templateHashId: VLLM,
      disk: 60,
      runtype: 'ssh',
      env: { MODEL_NAME: 'meta-llama/Llama-3.1-8B-Instruct', HF_TOKEN: 'hf_x' },
    })
    const instance = await getInstance(instanceId)
    expect(instance).toMatchObject({
      template_name: 'vLLM',
      template_hash_id: VLLM,
      image_uuid: 'vllm/vllm-openai:latest',
      image_runtype: 'ssh ssh_direc ssh_proxy',
    })
    expect(instance?.onstart).toContain('vllm serve $MODEL_NAME')
    const env = instance?.extra_env
    expect(env).toEqual(
      expect.arrayContaining([
        ['-p 8000:8000', '1'],
        ['MODEL_NAME', 'meta-llama/Llama-3.1-8B-Instruct'],
        ['HF_TOKEN', 'hf_x'],
        ['VLLM_ARGS', '--max-model-len=8192'],
      ]),
    )
    expect(env).not.toContainEqual(['MODEL_NAME', 'Qwen/Qwen2.5-7B-Instruct'])
  })

  it('lets the request’s own image override the template’s, and finds the account’s private ones', async () => {
    const world = createWorld({ rateLimits: false })
    const own = (await templates(world, { select_filters: { name: 'My training box' } })).rows[0]
    const { instanceId } = await rentOffer(firstOffer(world), {
      templateHashId: String(own?.hash_id),
      image: 'pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime',
      disk: 120,
      runtype: 'ssh',
    })
    const instance = await getInstance(instanceId)
    expect(instance).toMatchObject({
      template_name: 'My training box',
      image_uuid: 'pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime',
    })
    expect(instance?.onstart).toContain('pip install')
  })

  it.each([
    ['an unknown hash', () => Promise.resolve('ffffffffffffffffffffffffffffffff')],
    [
      'another account’s private template',
      async (other: World) =>
        String((await templates(other, { select_filters: { private: true } })).rows[0]?.hash_id),
    ],
  ])('answers 400 invalid_args for %s, and rents nothing', async (_, hashOf) => {
    const world = createWorld({ rateLimits: false })
    const hash = await hashOf(createWorld({ rateLimits: false }))
    const offerId = firstOffer(world)
    const error: unknown = await rentOffer(offerId, {
      templateHashId: hash,
      disk: 20,
      runtype: 'ssh',
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ kind: 'validation', code: 'invalid_args' })
    expect(world.instances.size).toBe(0)
  })
})
