import type { ReactNode } from 'react'
import type { Offer } from '../../api/offers/schemas'
import { formatRate, formatUsd } from '../../domain/format'
import { formatPrice } from '../../domain/format'
import type { RentCost } from '../../domain/money/rent-cost'

export interface CostPreviewProps {
  offer: Offer
  bid: boolean
  /** The disk asked for, in GB (null while the field is not a number). */
  disk: number | null
  /** The GPU price per hour: the offer's, or the bid (null while the bid is not a number). */
  gpu: number | null
  /** The dialog's one cost computation (null while disk or GPU price is missing). */
  cost: RentCost | null
}

/** What the rental costs per hour and per day, and what a stopped instance keeps costing. */
export function CostPreview({ offer, bid, disk, gpu, cost }: CostPreviewProps) {
  const dash = '—'
  return (
    <section
      aria-label="Cost preview"
      className="rounded-md border border-border bg-surface-muted px-3 py-2"
    >
      <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm">
        <CostRow
          term={bid ? 'GPU (your bid)' : 'GPU'}
          value={gpu === null ? dash : formatRate(gpu)}
        />
        <CostRow
          term={`Storage (${disk ?? dash} GB at ${formatPrice(offer.storage_cost)}/GB/month)`}
          value={cost ? formatRate(cost.storagePerHour) : dash}
        />
        <CostRow term="Total" value={cost ? formatRate(cost.totalPerHour) : dash} strong />
        <CostRow term="Per day" value={cost ? `${formatUsd(cost.totalPerDay)}/day` : dash} />
      </dl>
      <p className="mt-2 border-t border-border pt-2 text-sm text-text-soft">
        {cost
          ? `While stopped: ${formatUsd(cost.storagePerDay)}/day for storage`
          : 'While stopped: storage keeps billing'}{' '}
        until you destroy the instance.
      </p>
    </section>
  )
}

function CostRow({
  term,
  value,
  strong = false,
}: {
  term: ReactNode
  value: string
  strong?: boolean
}) {
  return (
    <>
      <dt className={strong ? 'font-semibold text-text' : 'text-text-soft'}>{term}</dt>
      <dd
        className={
          strong
            ? 'text-right font-semibold text-text tabular-nums'
            : 'text-right text-text tabular-nums'
        }
      >
        {value}
      </dd>
    </>
  )
}
