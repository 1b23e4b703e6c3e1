/**
 * Mutations never retry (writes cost money or lose data) and stay pending until the data
 * they invalidate has been refetched, so the UI never shows a stale state as done.
 */
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query'
import type { ApiError } from './errors'

export function useApiMutation<TVars, TData>(
  fn: (vars: TVars) => Promise<TData>,
  options: {
    invalidates: readonly QueryKey[] | ((vars: TVars, data: TData) => readonly QueryKey[])
    /** E.g. `{ permission: 'user_write' }`: a 401/403 then means "this key may not" (query-client.ts). */
    meta?: Record<string, unknown>
  },
) {
  const queryClient = useQueryClient()
  return useMutation<TData, ApiError, TVars>({
    mutationFn: fn,
    retry: 0,
    meta: options.meta,
    onSuccess: (data, vars) => {
      const keys =
        typeof options.invalidates === 'function'
          ? options.invalidates(vars, data)
          : options.invalidates
      return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })))
    },
  })
}
