import { afterEach, describe, expect, it, vi } from 'vitest'
import instancesSample from '../api/fixtures/instances-v1-page.json'
import { createWorld, creditOf, FIRST_INSTANCE_ID, rent } from './model'
import { bodyOf, num, search, rentFirst, instance } from '../test/sim-model'

afterEach(() => vi.useRealTimers())

describe('renting', () => {
  it('creates an instance, removes the offer and does not charge up front', () => {
    const world = createWorld({ credit: 30 })
    const before = search(world).length
    const offer = search(world, { limit: 1 })[0]
    const res = rent(world, num(offer?.id), { image: 'pytorch/pytorch:latest', disk: 16 })
    const body = bodyOf(res)
    expect(Object.keys(body).sort()).toEqual(['instance_api_key', 'new_contract', 'success'])
    expect(body.success).toBe(true)
    expect(body.instance_api_key).toMatch(/^[0-9a-f]{64}$/)
    expect(num(body.new_contract)).toBeGreaterThan(FIRST_INSTANCE_ID)
    expect(search(world)).toHaveLength(before - 1)
    expect(search(world, { id: { eq: offer?.id } })).toEqual([])
    expect(creditOf(world)).toBe(30)

    const again = rent(world, num(offer?.id), { image: 'pytorch/pytorch:latest', disk: 16 })
    expect(again).toMatchObject({
      status: 404,
      body: {
        success: false,
        error: 'invalid_args',
        msg: `error 404/3603: no_such_ask Instance type by id ${String(offer?.id)} is not available.`,
      },
    })
    expect(rent(world, 1, { image: 'x', disk: 10 }).status).toBe(404)
  })

  it.each([
    ['no image', { disk: 10 }, 'invalid_args'],
    ['image too long', { image: 'x'.repeat(1025), disk: 10 }, 'invalid_args'],
    ['disk below 8', { image: 'ubuntu:22.04', disk: 5 }, 'invalid_args'],
    ['disk not a number', { image: 'ubuntu:22.04', disk: 'lots' }, 'invalid_args'],
    ['label too long', { image: 'ubuntu:22.04', disk: 10, label: 'l'.repeat(257) }, 'invalid_args'],
    ['image not a string', { image: 42, disk: 10 }, 'invalid_args'],
    ['price too low', { image: 'ubuntu:22.04', disk: 10, price: 0 }, 'invalid_price'],
    ['price too high', { image: 'ubuntu:22.04', disk: 10, price: 200 }, 'invalid_price'],
    ['price not a number', { image: 'ubuntu:22.04', disk: 10, price: 'cheap' }, 'invalid_price'],
  ])('answers 400 for %s', (_name, body, error) => {
    const world = createWorld()
    const offer = search(world, { limit: 1 })[0]
    const res = rent(world, num(offer?.id), body)
    expect(res.status).toBe(400)
    expect(bodyOf(res)).toMatchObject({ success: false, error })
    if (error === 'invalid_args')
      expect(String(bodyOf(res).msg)).toMatch(/^error 400\/3467: Invalid args: /)
    expect(search(world, { id: { eq: offer?.id } })).toHaveLength(1)
  })

  it('accepts a template instead of an image, and a bid price', () => {
    const world = createWorld()
    const { id } = rentFirst(world, {
      image: undefined,
      template_hash_id: '4e17788f74f075dd9aab7d0d4427968f',
      price: 0.2,
    })
    expect(instance(world, id)).toMatchObject({
      template_name: 'vLLM',
      image_uuid: 'vllm/vllm-openai:latest',
      is_bid: true,
      dph_base: 0.2,
    })
  })

  it('reads a docker-flag env string as the vastai CLI does, quotes stripped from values', () => {
    const world = createWorld()
    const { id } = rentFirst(world, { env: `-e A="x y" -e B='z' -p 8080:8080 -e C="q` })
    expect(instance(world, id).extra_env).toEqual([
      ['A', 'x y'],
      ['B', 'z'],
      ['-p 8080:8080', '1'],
      ['C', 'q'],
    ])
  })

  it('copies the offer into the instance, priced with its own disk', () => {
    const world = createWorld()
    const { offer, id } = rentFirst(world, {
      disk: 40,
      label: 'my box',
      env: { TZ: 'UTC', '-p 8080:8080': '1' },
      onstart: 'echo hi',
    })
    const row = instance(world, id)
    const storageHour = (40 * num(offer.storage_cost)) / 720
    expect(row).toMatchObject({
      gpu_name: offer.gpu_name,
      num_gpus: offer.num_gpus,
      machine_id: offer.machine_id,
      label: 'my box',
      disk_space: 40,
      image_runtype: 'ssh ssh_direc ssh_proxy',
      extra_env: [
        ['TZ', 'UTC'],
        ['-p 8080:8080', '1'],
      ],
      onstart: 'echo hi',
      intended_status: 'running',
      public_ipaddr: offer.public_ipaddr,
    })
    expect(row.image_uuid).toMatch(
      /^vastai\/base-image:cuda-[\d.]+-auto$|^vastai\/base-image:rocm-[\d.]+-auto$/,
    )
    expect(num(row.dph_total)).toBeCloseTo(num(offer.dph_base) + storageHour, 7)
    expect(num(row.start_date)).toBeCloseTo(world.startedAt / 1000, 1)
    expect(row.ssh_host).toMatch(/^ssh\d\.vast\.ai$/)
    expect(Object.keys(row)).toEqual(
      expect.arrayContaining(Object.keys(instancesSample.instances[0] ?? {})),
    )
  })
})
