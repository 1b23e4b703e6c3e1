import type { QueryKey } from '@tanstack/react-query'
import { useApiMutation } from '../mutation'
import { sshKeyQueries } from './queries'

/** The permission each write needs beyond the app's four (reference §7.4). */
export type SshKeyPermission = 'user_write' | 'instance_write'

/**
 * A write on SSH keys: never retried, pending until the keys are refetched. `meta.permission`
 * tells the app that a 401/403 here means "this key may not", not "this key was revoked".
 */
export function useSshKeyMutation<TVars, TData>(
  fn: (vars: TVars) => Promise<TData>,
  permission: SshKeyPermission,
  invalidates: (vars: TVars) => QueryKey = () => sshKeyQueries.all(),
) {
  return useApiMutation(fn, { invalidates: (vars) => [invalidates(vars)], meta: { permission } })
}
