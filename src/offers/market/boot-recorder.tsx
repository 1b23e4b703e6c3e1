import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useRestoredAt } from '../../api/device-cache'
import { instanceQueries } from '../../api/instances/queries'
import { useObservedMap } from '../../api/status-history-store'
import { bootSeconds } from '../../domain/market/machine-memory'
import { hasBoot, loadMemory, recordBoot } from './market-memory-store'

/**
 * Measures boots (rent → running) from what the instance list and the status history already
 * hold, and keeps each in the market memory. It reads the list from the cache without fetching:
 * the instances page polls it. Renders nothing.
 */
export function BootRecorder() {
  const { data } = useQuery({ ...instanceQueries.list(), enabled: false })
  // Boots are measured from Vast's answers, not from the list kept on the device.
  const saved = useRestoredAt(instanceQueries.list().queryKey) !== null
  const observed = useObservedMap()
  useEffect(() => {
    if (!data || saved) return
    void loadMemory().then(() => {
      for (const instance of data.instances) {
        if (hasBoot(instance.id)) continue
        const history = observed[String(instance.id)]?.history ?? []
        const seconds = bootSeconds(history, instance.start_date)
        if (seconds === null) continue
        recordBoot({
          instanceId: instance.id,
          machineId: instance.machine_id ?? null,
          model: instance.gpu_name ?? 'Unknown GPU',
          at: history.find((s) => s.status === 'running')?.at ?? Date.now(),
          seconds,
        })
      }
    })
  }, [data, saved, observed])
  return null
}
