import { MutationObserver, QueryObserver } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { submitApiKey } from '../api/api-key-store'
import { ApiError } from '../api/errors'
import { labelInstance, stopInstance } from '../api/instances/endpoints'
import { createWorld, simulate } from '../simulator/model'
import type { Switches } from '../simulator/switches'
import { clearKeyRejected, readKeyRejected } from './session-store'
import { RECOVERY_PROBE_MS } from './connection-status'
import { createQueryClient } from './query-client'

afterEach(() => vi.useRealTimers())

describe('recovery probe', () => {
  it('tries a query that failed unreachable again every RECOVERY_PROBE_MS, and stops once it answers', async () => {
    vi.useFakeTimers()
    const client = createQueryClient()
    const queryFn = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new ApiError('network', 'Could not reach Vast.'))
      .mockResolvedValue('back')
    const observer = new QueryObserver(client, { queryKey: ['probe-test'], queryFn, retry: false })
    const stop = observer.subscribe(() => undefined)
    await vi.advanceTimersByTimeAsync(0)
    expect(observer.getCurrentResult().status).toBe('error')
    await vi.advanceTimersByTimeAsync(RECOVERY_PROBE_MS - 100)
    expect(queryFn).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(200)
    expect(observer.getCurrentResult().data).toBe('back')
    await vi.advanceTimersByTimeAsync(RECOVERY_PROBE_MS * 3)
    expect(queryFn).toHaveBeenCalledTimes(2)
    stop()
  })
})

describe('a 401/403 signs out only when users/current confirms the key is rejected', () => {
  async function failedWrite(switches: Partial<Switches>, write: (id: number) => Promise<unknown>) {
    clearKeyRejected()
    const world = createWorld({ instances: 1, rateLimits: false })
    submitApiKey(world.key, false)
    simulate(world, switches)
    const [id = 0] = [...world.instances.keys()]
    const client = createQueryClient()
    const observer = new MutationObserver(client, { mutationFn: () => write(id) })
    const error = await observer.mutate().then(
      () => null,
      (failure: unknown) => failure,
    )
    await vi.waitFor(() => {
      expect(world.log.some((r) => r.path === '/api/v0/users/current/')).toBe(true)
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    return { error, world }
  }

  it('403 "not owner of instance" while the key works: stays signed in, Vast’s words kept', async () => {
    const { error } = await failedWrite({ refuse: ['not_owner'] }, (id) => labelInstance(id, 'x'))
    expect(error).toMatchObject({
      kind: 'auth',
      status: 403,
      message: 'Vast refused this: Not authenticated or not owner of instance',
    })
    expect(readKeyRejected()).toBe(false)
  })

  it('a scoped key without instance_write: stays signed in, told what is missing', async () => {
    const { error } = await failedWrite({ refuse: ['scope'] }, (id) => stopInstance(id))
    expect(error).toMatchObject({ status: 403 })
    expect(String(error)).toContain('instance_write')
    expect(readKeyRejected()).toBe(false)
  })

  it('401 "Two Factor Authentication": never signs out; the message names 2FA', async () => {
    clearKeyRejected()
    const world = createWorld({ instances: 1, rateLimits: false })
    submitApiKey(world.key, false)
    simulate(world, { refuse: ['two_factor'] })
    const [id = 0] = [...world.instances.keys()]
    const client = createQueryClient()
    const observer = new MutationObserver(client, { mutationFn: () => stopInstance(id) })
    const error = await observer.mutate().then(
      () => null,
      (failure: unknown) => failure,
    )
    expect(error).toMatchObject({ status: 401 })
    expect(String(error)).toContain('two-factor (2FA)')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(readKeyRejected()).toBe(false)
  })

  it('a revoked key (users/current fails too): signs out', async () => {
    await failedWrite({ auth: 'revoked' }, (id) => stopInstance(id))
    await vi.waitFor(() => expect(readKeyRejected()).toBe(true))
  })
})
