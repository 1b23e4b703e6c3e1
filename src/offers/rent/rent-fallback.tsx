import { useId, useRef, useState } from 'react'
import type { RentInput } from '../../api/offers/endpoints'
import type { Offer } from '../../api/offers/schemas'
import { rememberRental } from '../../api/rental-plans-store'
import { bootDeadline, bootDuration, type BootDeadline } from '../../domain/market/boot-fallback'
import { CheckboxField } from '../../ui/checkbox-field'
import { toBundlesQuery } from '../filters/filter-criteria'
import type { OfferFilters } from '../filters/offer-filters'
import { useMarketMemory } from '../market/market-memory-store'

const BASIS = {
  machine: "this machine's boots here",
  model: "this GPU model's boots here",
  default: 'no boot of this machine or model measured here yet',
} as const

/**
 * Rent with fallback, the dialog's part: the rental's boot deadline (from the boots this browser
 * measured) and the opt-in. On a rental, the plan (search, settings, deadline) is remembered for
 * the instance card, which offers the fallback once the deadline passes. On-demand only: a bid
 * waits for its price, not for a machine.
 */
export function useRentFallback(offer: Offer | undefined, search: OfferFilters | undefined) {
  const memory = useMarketMemory()
  const [auto, setAuto] = useState(false)
  const sent = useRef<{ input: RentInput; perHour: number } | null>(null)
  const boots = (match: (b: { machineId: number | null; model: string }) => boolean) =>
    memory.boots.filter(match).map((b) => b.seconds)
  const deadline = offer
    ? bootDeadline(
        offer.machine_id == null ? [] : boots((b) => b.machineId === offer.machine_id),
        boots((b) => b.model === offer.gpu_name),
      )
    : null
  return {
    auto,
    setAuto,
    deadline,
    /** What is being sent (before the send: the answer's callback has only the id). */
    sending(input: RentInput, perHour: number | null) {
      sent.current = perHour === null ? null : { input, perHour }
    },
    /** The rental was answered: remember its plan. */
    rented(instanceId: number) {
      const what = sent.current
      if (!offer || !search || !deadline || !what || what.input.price !== undefined) return
      rememberRental({
        instanceId,
        offerId: offer.id,
        machineId: offer.machine_id ?? null,
        model: offer.gpu_name,
        perHour: what.perHour,
        rentedAt: Date.now(),
        deadlineSeconds: deadline.seconds,
        usualSeconds: deadline.usualSeconds,
        query: toBundlesQuery(search),
        input: what.input,
        auto,
        spent: false,
      })
    },
  }
}

/** The opt-in, with the deadline it applies to. */
export function FallbackOption({
  deadline,
  checked,
  onChange,
}: {
  deadline: BootDeadline
  checked: boolean
  onChange: (checked: boolean) => void
}) {
  const hintId = useId()
  return (
    <div className="flex flex-col gap-1">
      <CheckboxField
        label="If it is not running by the deadline, destroy it and rent the next best match automatically (once)"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={hintId}
      />
      <p id={hintId} className="pl-6 text-xs text-muted">
        Boot deadline: {bootDuration(deadline.seconds)} ({BASIS[deadline.basis]}). Past it, the
        instance says so and offers the same choice by hand.
      </p>
    </div>
  )
}
