import { describe, expect, it } from 'vitest'
import { LIFECYCLE_MS } from './lifecycle'
import { advance, createWorld, rent, simulate } from './model'
import { isSlowMachine, SLOW_BOOT_LOADING_MS } from './slow-boots'
import { bodyOf, instance, num, rentFirst, search, status } from '../test/sim-model'

const BOOT = LIFECYCLE_MS.provisioning + LIFECYCLE_MS.loading

describe('slow boots', () => {
  it('a forced offer loads for half an hour before it runs; other rentals boot as usual', () => {
    const world = createWorld()
    const [slow, usual] = search(world, { limit: 2 })
    if (!slow || !usual) throw new Error('no offers')
    simulate(world, { slowBoot: { offers: [num(slow.id)], machines: [] } })
    const rentIt = (offer: typeof slow) =>
      num(bodyOf(rent(world, num(offer.id), { image: 'pytorch/pytorch', disk: 10 })).new_contract)
    const slowId = rentIt(slow)
    const usualId = rentIt(usual)

    advance(world, BOOT)
    expect(status(instance(world, usualId))).toBe('running')
    expect(status(instance(world, slowId))).toBe('loading')
    advance(world, 15 * 60_000)
    expect(instance(world, slowId).status_msg).toMatch(
      /^Pulling image pytorch\/pytorch: \d+\/\d+ layers/,
    )
    advance(world, SLOW_BOOT_LOADING_MS - LIFECYCLE_MS.loading - 15 * 60_000)
    expect(status(instance(world, slowId))).toBe('running')
  })

  it('a forced machine boots slowly whatever offer of it is rented', () => {
    const world = createWorld()
    const offer = search(world, { limit: 1 })[0]
    simulate(world, { slowBoot: { offers: [], machines: [num(offer?.machine_id)] } })
    const { id } = rentFirst(world)
    advance(world, BOOT + 60_000)
    expect(status(instance(world, id))).toBe('loading')
  })

  it('picks the same slow machines on every run, about the share asked for', () => {
    const machines = Array.from({ length: 2_000 }, (_, i) => 10_000 + i * 25)
    const slow = machines.filter((m) => isSlowMachine(m, 0.1))
    expect(slow.length).toBeGreaterThan(140)
    expect(slow.length).toBeLessThan(260)
    expect(machines.filter((m) => isSlowMachine(m, 0.1))).toEqual(slow)
    expect(machines.filter((m) => isSlowMachine(m, 0))).toEqual([])

    // A world with the share set: its slow machines' rentals load slowly.
    const world = createWorld({ slowBoots: 1 })
    const { id } = rentFirst(world)
    advance(world, BOOT + 60_000)
    expect(status(instance(world, id))).toBe('loading')
  })
})
