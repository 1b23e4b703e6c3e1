import * as z from 'zod/mini'
import { describe, expect, it } from 'vitest'
import { accountIdOf, createWorld } from '../../simulator/model'
import { submitApiKey } from '../api-key-store'
import { pacer } from '../client'
import { parseRows } from '../parse'
import { searchTemplates, templateSearchQuery } from './endpoints'
import { templateSchema, type Template } from './schemas'

const raw = {
  id: 331872,
  hash_id: ' 4e17788f74f075dd9aab7d0d4427968f ',
  name: 'vLLM',
  image: 'vllm/vllm-openai',
  tag: 'latest',
  creator_id: '62897',
  private: 0,
  recommended: 1,
  recommended_disk_space: '60',
  created_at: 1700000000.123456,
  count_created: 151204,
  use_ssh: true,
  ssh_direct: 1,
  jup_direct: false,
  env: '-p 8000:8000 -e MODEL_NAME=Qwen/Qwen2.5-7B-Instruct',
  onstart: 'vllm serve $MODEL_NAME',
  extra_filters: { num_gpus: { gte: 1 } },
}

describe('templateSchema', () => {
  it('reads a row leniently: numeric strings, 0/1 booleans, float epoch, trimmed hash, unknown keys kept', () => {
    const t = z.parse(templateSchema, raw)
    expect(t).toMatchObject({
      hash_id: '4e17788f74f075dd9aab7d0d4427968f',
      creator_id: 62897,
      private: false,
      recommended: true,
      recommended_disk_space: 60,
      created_at: 1700000000.123456,
      ssh_direct: true,
      env: '-p 8000:8000 -e MODEL_NAME=Qwen/Qwen2.5-7B-Instruct',
      extra_filters: { num_gpus: { gte: 1 } },
    })
    expect(t.runtype).toBeUndefined()
  })

  it('turns unreadable optional fields into null, and drops rows without an id or a hash', () => {
    const { rows, dropped } = parseRows(templateSchema, [
      { ...raw, recommended_disk_space: 'lots', env: { A: '1' }, private: 'no' },
      { ...raw, hash_id: '' },
      { ...raw, id: 'x' },
      'not a row',
    ])
    expect(dropped).toBe(3)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ recommended_disk_space: null, env: null, private: null })
  })
})

describe('templateSearchQuery', () => {
  const parse = (v: string): unknown => JSON.parse(v)

  it('filters on the scope and orders by a plain column name, as Vast documents', () => {
    const mine = templateSearchQuery('mine', 1183001)
    expect(mine.order_by).toBe('created_at')
    expect(parse(mine.select_filters ?? '')).toEqual({ creator_id: { eq: 1183001 } })
    const recommended = templateSearchQuery('recommended')
    expect(recommended.order_by).toBe('count_created')
    expect(parse(recommended.select_filters ?? '')).toEqual({ recommended: { eq: true } })
    // Vast lists no `private` filter field; public templates may carry private: null.
    const pub = templateSearchQuery('public')
    expect(pub.order_by).toBe('count_created')
    expect(parse(pub.select_filters ?? '')).toEqual({})
  })

  it('refuses "mine" without the account id', () => {
    expect(() => templateSearchQuery('mine')).toThrow('account id')
  })
})

describe('searchTemplates against the simulator', () => {
  const names = (list: Template[]) => list.map((t) => t.name)

  it('finds the account’s own, the recommended and the public templates', async () => {
    const world = createWorld({ rateLimits: false })
    submitApiKey(world.key, false)
    const userId = accountIdOf(world)

    const mine = await searchTemplates({ scope: 'mine', userId })
    expect(names(mine.templates).sort()).toEqual(['My inference server', 'My training box'])
    expect(mine.templates.every((t) => t.private === true && t.creator_id === userId)).toBe(true)

    pacer.reset() // the client keeps template searches 3 s apart; not worth waiting for here
    const recommended = await searchTemplates({ scope: 'recommended' })
    expect(names(recommended.templates)).toContain('vLLM')
    expect(recommended.templates.every((t) => t.recommended === true)).toBe(true)
    const counts = recommended.templates.map((t) => t.count_created ?? 0)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))

    pacer.reset()
    const all = await searchTemplates({ scope: 'public' })
    expect(all.templates.length).toBeGreaterThan(recommended.templates.length)
    expect(all.templates.some((t) => t.private === true)).toBe(false)
    expect(names(all.templates)).toContain('vLLM')
    const used = all.templates.map((t) => t.count_created ?? 0)
    expect(used).toEqual([...used].sort((a, b) => b - a))
    expect(all.dropped).toBe(0)
  })
})
