/**
 * After a rental whose answer was lost (timeout, dropped connection, 5xx), the request is never
 * sent again: the instance list is read afresh and searched for the instance it would have made.
 */
import type { QueryClient } from '@tanstack/react-query'
import type { InstanceList } from './instances/endpoints'
import { instanceQueries } from './instances/queries'
import type { Instance } from './instances/schemas'

export type RentOutcome =
  | { kind: 'appeared'; instanceId: number }
  | { kind: 'absent' }
  /** The list could not be read either. */
  | { kind: 'unknown' }

/** The ids of the instances in the cached list, or null when no list has been loaded. */
export function knownInstanceIds(queryClient: QueryClient): ReadonlySet<number> | null {
  const list = queryClient.getQueryData<InstanceList>(instanceQueries.list().queryKey)
  return list ? new Set(list.instances.map((i) => i.id)) : null
}

/**
 * The instance a lost rental made: one not in `before` (when known) on the offer's machine (when
 * known). With neither known, nothing can be told apart, so nothing is claimed.
 */
export function findRentedInstance(
  list: InstanceList,
  machineId: number | null | undefined,
  before: ReadonlySet<number> | null,
): Instance | undefined {
  if (before === null && machineId == null) return undefined
  return list.instances.find(
    (i) =>
      (before === null || !before.has(i.id)) && (machineId == null || i.machine_id === machineId),
  )
}

/**
 * The whole instance list, read afresh through the cache (so every view updates). Marked stale
 * first: while instances are changing, a plain refetch asks only for the changing ids, which
 * would never show an instance that was not listed before.
 */
export async function readInstancesAfresh(queryClient: QueryClient): Promise<InstanceList> {
  const { queryKey } = instanceQueries.list()
  await queryClient.invalidateQueries({ queryKey, exact: true, refetchType: 'none' })
  return queryClient.fetchQuery({ ...instanceQueries.list(), staleTime: 0 })
}

/** Reads the whole instance list afresh and looks. */
export async function checkRentOutcome(
  queryClient: QueryClient,
  machineId: number | null | undefined,
  before: ReadonlySet<number> | null,
): Promise<RentOutcome> {
  try {
    const list = await readInstancesAfresh(queryClient)
    const found = findRentedInstance(list, machineId, before)
    return found ? { kind: 'appeared', instanceId: found.id } : { kind: 'absent' }
  } catch {
    return { kind: 'unknown' }
  }
}
