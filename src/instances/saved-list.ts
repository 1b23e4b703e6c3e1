import { useRestoredAt } from '../api/device-cache'
import { instanceQueries } from '../api/instances/queries'

/** Why every instance action waits while the list shown is the one kept on the device. */
export const SAVED_LIST_REASON =
  'Waiting for the current state from Vast: the list shown was saved on this device.'

/**
 * When the instance list shown was fetched, while it is the one kept on this device from an
 * earlier visit (no fresh answer yet); null once it is current.
 */
export const useSavedListAt = (): number | null => useRestoredAt(instanceQueries.list().queryKey)
