import { rebootInstance } from '../api/instances/endpoints'
import { uiStatus } from '../domain/instance-status'
import { useApiMutation } from '../api/mutation'
import { instanceQueries } from '../api/instances/queries'
import type { Instance } from '../api/instances/schemas'
import { Button } from '../ui/button'
import { requestConfirm } from '../ui/confirm-store'
import { showToast } from '../ui/toast-store'
import { SAVED_LIST_REASON, useSavedListAt } from './saved-list'

/** Reboot (docker stop/start in place) after a confirmation; only a running instance. */
export function RebootButton({ instance }: { instance: Instance }) {
  const reboot = useApiMutation(rebootInstance, { invalidates: [instanceQueries.all()] })
  const running = uiStatus(instance) === 'running'
  const saved = useSavedListAt() !== null
  const { id } = instance
  return (
    <Button
      size="sm"
      disabled={saved || !running || reboot.isPending}
      title={
        saved ? SAVED_LIST_REASON : running ? undefined : 'Only a running instance can be rebooted.'
      }
      onClick={() =>
        requestConfirm({
          title: `Reboot instance ${id}?`,
          body:
            `The container of instance ${id} is stopped and started again on the same GPU. ` +
            'Running processes end; data on the disk is kept. Billing continues.',
          confirmLabel: 'Reboot',
          tone: 'primary',
          onConfirm: async () => {
            await reboot.mutateAsync(id)
            showToast(`Rebooting instance ${id}`, 'success')
          },
        })
      }
    >
      Reboot
    </Button>
  )
}
