import { useState } from 'react'
import { changeBid } from '../api/instances/endpoints'
import { instanceQueries } from '../api/instances/queries'
import type { Instance } from '../api/instances/schemas'
import { useApiMutation } from '../api/mutation'
import { formatRate } from '../domain/format'
import { Button } from '../ui/button'
import { Dialog } from '../ui/dialog'
import { Field } from '../ui/field'
import { Notice } from '../ui/notice'
import { defaultBid, parseBid } from '../domain/money/rent-cost'
import { SAVED_LIST_REASON, useSavedListAt } from './saved-list'

const MIN_PRICE = 0.001

/**
 * "Change bid" for an interruptible instance: the new $/hr is typed, then confirmed on a button
 * that names it; one PUT bid_price, never retried. Vast accepts 0.001–32 × GPUs $/hr
 * (docs yaml/change_bid); an outbid instance resumes once its bid wins again.
 */
export function ChangeBidButton({ instance }: { instance: Instance }) {
  const [open, setOpen] = useState(false)
  const saved = useSavedListAt() !== null
  if (instance.is_bid !== true) return null
  return (
    <>
      <Button
        size="sm"
        disabled={saved}
        title={saved ? SAVED_LIST_REASON : undefined}
        onClick={() => setOpen(true)}
      >
        Change bid
      </Button>
      {open && <ChangeBidDialog instance={instance} onClose={() => setOpen(false)} />}
    </>
  )
}

function ChangeBidDialog({ instance, onClose }: { instance: Instance; onClose: () => void }) {
  const { id } = instance
  const [text, setText] = useState(() => defaultBid(instance.min_bid))
  const change = useApiMutation(changeBid, { invalidates: [instanceQueries.all()] })
  const maxPrice = 32 * Math.max(1, instance.num_gpus ?? 1)
  const price = parseBid(text.trim())
  const problem =
    price === null
      ? 'Enter a bid in dollars per hour, such as 0.250.'
      : price < MIN_PRICE || price > maxPrice
        ? `Vast accepts a bid between $${MIN_PRICE} and $${maxPrice} per hour.`
        : null
  const current = instance.dph_base ?? null
  return (
    <Dialog open title={`Change bid of instance ${id}`} onClose={onClose} busy={change.isPending}>
      <div className="flex flex-col gap-3">
        <p className="text-sm text-text-soft">
          {current === null ? 'Your bid now: unknown.' : `Your bid now: ${formatRate(current)}.`}{' '}
          {instance.min_bid == null
            ? ''
            : `The market's minimum bid for this machine: ${formatRate(instance.min_bid)}.`}{' '}
          A bid below the winning one keeps the instance paused while its storage bills.
        </p>
        <Field
          label="New bid ($/hr)"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          error={text.trim() === '' ? undefined : (problem ?? undefined)}
          onChange={(event) => setText(event.target.value)}
        />
        {change.error && (
          <Notice tone="danger" role="alert">
            The bid was not changed: {change.error.message}
          </Notice>
        )}
        {change.isSuccess && price !== null && (
          <p role="status" className="text-sm text-text-soft">
            Bid changed to {formatRate(price)}.
          </p>
        )}
        <div className="flex justify-end gap-2 border-t border-border pt-3">
          <Button onClick={onClose} disabled={change.isPending}>
            {change.isSuccess ? 'Close' : 'Cancel'}
          </Button>
          {!change.isSuccess && (
            <Button
              variant="primary"
              disabled={price === null || problem !== null || change.isPending}
              onClick={() => {
                if (price !== null && problem === null) change.mutate({ id, price })
              }}
            >
              {price === null ? 'Change bid' : `Change bid to ${formatRate(price)}`}
            </Button>
          )}
        </div>
      </div>
    </Dialog>
  )
}
