import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useRestoredAt } from '../api/device-cache'
import { instanceQueries } from '../api/instances/queries'
import { useRecordSightings } from '../api/status-history-store'
import { attentionCount, titleWithCount } from '../domain/fleet'
import { useDeliverEvents } from '../instances/inbox-store'
import { useNow } from '../ui/use-now'

export const APP_TITLE = 'Vast GPU Console'

/**
 * The instance list, polled at app level whatever the tab (the query's own cadence: fast while
 * something changes, bounded while settled, paused in a hidden tab). Each response records the
 * statuses and raises the inbox events and notifications (not the list kept on the device); the page title carries the count of
 * instances that need attention. The Instances page reads the same cache.
 */
export function useFleetWatch() {
  const query = useQuery(instanceQueries.list())
  const deliver = useDeliverEvents()
  const data = query.data
  // A list kept on the device from an earlier visit is not a sighting: statuses and events are
  // recorded from Vast's answers only.
  const saved = useRestoredAt(instanceQueries.list().queryKey) !== null
  useRecordSightings(saved ? undefined : data?.instances, deliver, data?.account ?? null)
  const now = useNow(60_000)
  const count = data ? attentionCount(data.instances, now) : 0
  useEffect(() => {
    document.title = titleWithCount(APP_TITLE, count)
    return () => {
      document.title = APP_TITLE
    }
  }, [count])
  return data?.instances
}
