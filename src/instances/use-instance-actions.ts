import { destroyInstance, startInstance, stopInstance } from '../api/instances/endpoints'
import { billsStorageOnly, canDestroy, canStart, canStop } from '../domain/instance-status'
import { useApiMutation } from '../api/mutation'
import { instanceQueries } from '../api/instances/queries'
import type { Instance } from '../api/instances/schemas'
import { requestConfirm } from '../ui/confirm-store'
import { destroyStoppedWording, destroyWording, stopWording } from './action-wording'
import { showToast } from '../ui/toast-store'
import { storagePerDay } from '../domain/money/burn'
import { blockedReason, gpuText, type InstanceActionId } from './instance-view'
import { SAVED_LIST_REASON, useSavedListAt } from './saved-list'

export interface InstanceAction {
  id: InstanceActionId
  label: string
  variant: 'secondary' | 'quietDanger'
  /** Why the action is unavailable now (shown with the disabled button), or null. */
  disabledReason: string | null
  /** This action's request is in flight. */
  pending: boolean
  run: () => void
}

const invalidates = [instanceQueries.all()]
const BUSY_REASON = 'Another action on this instance is in progress.'

/**
 * Stop, Start and Destroy for one instance, each disabled with its reason while the list is the
 * one kept on the device. Stop and Destroy go through the confirm dialog, which
 * shows a failure itself (the onConfirm promise rejects); Start runs at once and toasts. Nothing
 * is optimistic: each mutation stays pending until the refetched list has landed.
 */
export function useInstanceActions(instance: Instance): InstanceAction[] {
  const stop = useApiMutation(stopInstance, { invalidates })
  const start = useApiMutation(startInstance, { invalidates })
  const destroy = useApiMutation(destroyInstance, { invalidates })
  const { id } = instance
  const busy = stop.isPending || start.isPending || destroy.isPending
  // Nothing is acted on from the list kept on the device: its state may have changed since.
  const saved = useSavedListAt() !== null

  const reason = (action: InstanceActionId, allowed: boolean) =>
    saved ? SAVED_LIST_REASON : busy ? BUSY_REASON : blockedReason(action, instance, allowed)

  return [
    {
      id: 'stop',
      label: 'Stop',
      variant: 'secondary',
      disabledReason: reason('stop', canStop(instance)),
      pending: stop.isPending,
      run: () =>
        requestConfirm({
          ...stopWording({ id, label: instance.label, storagePerDay: storagePerDay(instance) }),
          tone: 'primary',
          onConfirm: async () => {
            await stop.mutateAsync(id)
            showToast(`Stopping instance ${id}`, 'success')
          },
        }),
    },
    {
      id: 'start',
      label: 'Start',
      variant: 'secondary',
      disabledReason: reason('start', canStart(instance)),
      pending: start.isPending,
      run: () => {
        start.mutateAsync(id).then(
          () => showToast(`Starting instance ${id}`, 'success'),
          (error: unknown) =>
            showToast(
              `Couldn't start instance ${id}: ${error instanceof Error ? error.message : 'the request failed.'}`,
              'error',
            ),
        )
      },
    },
    {
      id: 'destroy',
      label: 'Destroy',
      variant: 'quietDanger',
      disabledReason: reason('destroy', canDestroy()),
      pending: destroy.isPending,
      run: () =>
        requestConfirm({
          ...(billsStorageOnly(instance)
            ? destroyStoppedWording({
                id,
                label: instance.label,
                storagePerDay: storagePerDay(instance),
              })
            : destroyWording({
                id,
                label: instance.label,
                gpu: gpuText(instance),
                perHour: instance.dph_total ?? null,
              })),
          tone: 'danger',
          onConfirm: async () => {
            await destroy.mutateAsync(id)
            showToast(`Instance ${id} destroyed`, 'success')
          },
        }),
    },
  ]
}
