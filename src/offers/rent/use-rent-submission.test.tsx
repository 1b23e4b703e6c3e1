import { QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { RentInput } from '../../api/offers/endpoints'
import { acquireRentLock } from '../../api/rent-lock'
import type { Offer } from '../../api/offers/schemas'
import { simulate, type World } from '../../simulator/model'
import { rentPuts, worldWithOffer } from '../../test/rent-world'
import { createTestQueryClient } from '../../test/render'
import { useRentSubmission } from './use-rent-submission'

let world: World
let offer: Offer
const input: RentInput = { image: 'pytorch/pytorch', disk: 10, runtype: 'ssh' }

beforeEach(async () => {
  ;({ world, offer } = await worldWithOffer())
})

const rentals = () => rentPuts(world)

function setup() {
  const client = createTestQueryClient()
  const onRented = vi.fn<(id: number) => void>()
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  )
  const hook = renderHook(() => useRentSubmission({ offerId: offer.id, onRented }), { wrapper })
  return { hook, onRented }
}

describe('useRentSubmission', () => {
  it('sends once however often it is asked in the same moment, then reports the instance', async () => {
    const { hook, onRented } = setup()
    let sent: boolean[] = []
    act(() => {
      sent = [hook.result.current.send(input, offer.machine_id)]
      sent.push(hook.result.current.send(input, offer.machine_id))
    })
    expect(sent).toEqual([true, false])
    await waitFor(() => expect(onRented).toHaveBeenCalledTimes(1))
    expect(rentals()).toHaveLength(1)
    expect(onRented).toHaveBeenCalledWith([...world.instances.keys()][0])
  })

  it('after a refusal (nothing rented) it may send again', async () => {
    const otherTab = acquireRentLock(offer.id)
    const { hook, onRented } = setup()
    act(() => void hook.result.current.send(input, offer.machine_id))
    await waitFor(() => expect(hook.result.current.error?.kind).toBe('validation'))
    expect(hook.result.current.locked).toBe(false)
    expect(rentals()).toHaveLength(0)
    otherTab?.()
    let again = false
    act(() => {
      again = hook.result.current.send(input, offer.machine_id)
    })
    expect(again).toBe(true)
    await waitFor(() => expect(onRented).toHaveBeenCalledTimes(1))
    expect(rentals()).toHaveLength(1)
  })

  it('after an ambiguous failure it never sends again, and finds the instance that appeared', async () => {
    simulate(world, { rent: 'dropped' })
    const { hook, onRented } = setup()
    act(() => void hook.result.current.send(input, offer.machine_id))
    await waitFor(() => expect(hook.result.current.finished).toBe(true))
    expect(hook.result.current.error?.kind).toBe('network')
    await waitFor(() =>
      expect(hook.result.current.outcome).toEqual({
        kind: 'appeared',
        instanceId: [...world.instances.keys()][0],
      }),
    )
    let again = true
    act(() => {
      again = hook.result.current.send(input, offer.machine_id)
    })
    expect(again).toBe(false)
    expect(hook.result.current.locked).toBe(true)
    expect(rentals()).toHaveLength(1)
    expect(onRented).not.toHaveBeenCalled()
  })
})
