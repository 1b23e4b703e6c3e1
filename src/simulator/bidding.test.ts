// Interruptible instances as Vast documents them: cancel_unavail, outbid, change bid.
import { describe, expect, it } from 'vitest'
import { advance, changeBid, createWorld, outbid, rent, simulate } from './model'
import { LIFECYCLE_MS } from './lifecycle'
import { bodyOf, instance, num, rentFirst, search } from '../test/sim-model'

describe('bidding', () => {
  it('an unschedulable create: 410 no_such_ask with cancel_unavail, else a stopped instance', () => {
    const world = createWorld({ rateLimits: false })
    simulate(world, { rent: 'unschedulable' })
    const offer = search(world, { limit: 1 })[0]
    const body = { image: 'ubuntu:22.04', disk: 10, price: 0.5 }
    const refused = rent(world, num(offer?.id), { ...body, cancel_unavail: true })
    expect(refused).toMatchObject({ status: 410, body: { error: 'no_such_ask' } })
    expect(world.instances.size).toBe(0)
    const made = rent(world, num(offer?.id), body)
    const row = instance(world, num(bodyOf(made).new_contract))
    expect(row).toMatchObject({
      actual_status: 'stopped',
      intended_status: 'running',
      is_bid: true,
    })
  })

  it('outbid: stopped while intended running; a high enough bid resumes it', () => {
    const world = createWorld({ rateLimits: false })
    const { id } = rentFirst(world, { price: 0.5 })
    advance(world, 60_000)
    outbid(world, id)
    expect(instance(world, id)).toMatchObject({
      actual_status: 'stopped',
      intended_status: 'running',
    })
    expect(changeBid(world, String(id), { client_id: 'me', price: 0 })).toMatchObject({
      status: 400,
      body: { error: 'invalid_args' },
    })
    expect(changeBid(world, '1', { client_id: 'me', price: 1 }).status).toBe(404)
    expect(bodyOf(changeBid(world, String(id), { client_id: 'me', price: 1 }))).toEqual({
      success: true,
    })
    advance(world, LIFECYCLE_MS.scheduling + LIFECYCLE_MS.restartLoading)
    expect(instance(world, id)).toMatchObject({ actual_status: 'running', dph_base: 1 })
  })
})
