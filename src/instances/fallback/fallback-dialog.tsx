import { useState } from 'react'
import type { Instance } from '../../api/instances/schemas'
import type { Offer } from '../../api/offers/schemas'
import { matchText, type NextBestMatch } from '../../domain/market/boot-fallback'
import { formatPrice } from '../../domain/format'
import { Button } from '../../ui/button'
import { Dialog } from '../../ui/dialog'
import { destroyWording } from '../action-wording'
import { gpuText } from '../instance-view'

/**
 * The one confirmation of a fallback: what is destroyed (with its data) and what is rented
 * instead, with its $/hr. Nothing is sent before the confirm button.
 */
export function FallbackDialog({
  instance,
  match,
  onCancel,
  onConfirm,
}: {
  instance: Instance
  match: NextBestMatch<Offer>
  onCancel: () => void
  onConfirm: () => Promise<void>
}) {
  const [busy, setBusy] = useState(false)
  const destroy = destroyWording({
    id: instance.id,
    label: instance.label,
    gpu: gpuText(instance),
    perHour: instance.dph_total ?? null,
  })
  return (
    <Dialog
      open
      title={`Replace instance ${instance.id}?`}
      onClose={onCancel}
      busy={busy}
      className="max-w-xl"
    >
      <ol className="mb-4 flex list-decimal flex-col gap-2 pl-5 text-sm text-text-soft">
        <li>
          <span className="font-medium text-text">Destroy instance {instance.id}.</span>{' '}
          {destroy.body}
        </li>
        <li>
          <span className="font-medium text-text">
            Rent {matchText(match.offer, match.perHour)}
          </span>{' '}
          (disk included), with the same image, disk, label, environment and start script. It is the
          cheapest offer of the same search on another machine.
        </li>
      </ol>
      {busy && (
        <p role="status" className="mb-3 text-sm text-text-soft">
          Destroying, then renting…
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button
          variant="danger"
          disabled={busy}
          onClick={() => {
            setBusy(true)
            void onConfirm().finally(() => setBusy(false))
          }}
        >
          Destroy and rent at {formatPrice(match.perHour)}/hr
        </Button>
      </div>
    </Dialog>
  )
}
