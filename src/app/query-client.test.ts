import { QueryObserver } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api/errors'
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
