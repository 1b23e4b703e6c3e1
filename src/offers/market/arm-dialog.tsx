import { useState } from 'react'
import { ARM_CONFIRM_WORD } from '../../domain/market/auto-rent'
import { formatPrice } from '../../domain/format'
import { Button } from '../../ui/button'
import { Dialog } from '../../ui/dialog'
import { Field } from '../../ui/field'
import { DEFAULT_IMAGE, MIN_DISK_GB } from '../rent/rent-form'
import { setArmed, type Watch } from './watch-store'

/**
 * Arms a watch's "Rent it for me": what will be rented (one instance, once, this image and
 * disk), the worst-case $/hr, and one typed confirmation.
 */
export function ArmDialog({ watch, onClose }: { watch: Watch; onClose: () => void }) {
  const [disk, setDisk] = useState(String(MIN_DISK_GB))
  const [image, setImage] = useState(DEFAULT_IMAGE)
  const [typed, setTyped] = useState('')
  const max = watch.maxPerHour ?? 0
  const diskGb = Number(disk)
  const diskOk = Number.isInteger(diskGb) && diskGb >= MIN_DISK_GB
  const ready = diskOk && image.trim() !== '' && typed.trim() === ARM_CONFIRM_WORD
  return (
    <Dialog open title={`Rent it for me: ${watch.name}`} onClose={onClose}>
      <form
        className="flex flex-col gap-3 text-sm"
        onSubmit={(event) => {
          event.preventDefault()
          if (!ready) return
          setArmed(watch.id, { maxPerHour: max, diskGb, image: image.trim() })
          onClose()
        }}
      >
        <Field label="Image" value={image} onChange={(e) => setImage(e.target.value)} />
        <Field
          label="Disk (GB)"
          type="number"
          min={MIN_DISK_GB}
          value={disk}
          onChange={(e) => setDisk(e.target.value)}
          error={diskOk ? null : `At least ${MIN_DISK_GB} GB.`}
        />
        <p>
          When an offer of “{watch.name}” costs at most <strong>{formatPrice(max)}/hr</strong> with{' '}
          {diskOk ? diskGb : '?'} GB of disk, rent <strong>exactly one instance</strong> of it,
          once, with {image.trim() || 'no image'}, over SSH. Worst case:{' '}
          <strong>{formatPrice(max)}/hr</strong> ({formatPrice(max * 24)}/day), the disk at the
          offer's storage price included. Your spend guards apply. It is never retried, and it waits
          while your key is rejected or Vast is failing.
        </p>
        <Field
          label={`Type ${ARM_CONFIRM_WORD} to arm`}
          value={typed}
          autoComplete="off"
          onChange={(e) => setTyped(e.target.value)}
        />
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!ready}>
            Arm at {formatPrice(max)}/hr
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
