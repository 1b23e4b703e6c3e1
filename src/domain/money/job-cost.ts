/**
 * What a whole job costs on an offer: compute for the planned hours, storage for the disk over
 * those hours, and data moved at the host's bandwidth prices (inet_*_cost, $/GB; reference §3.4).
 */
import type { OfferPriceFields } from '../fields'
import { HOURS_PER_MONTH } from './rent-cost'

export interface JobPlan {
  hours: number
  diskGb: number
  /** GB the job downloads (into the instance). */
  downloadGb: number
  /** GB the job uploads (out of the instance). */
  uploadGb: number
}

export const DEFAULT_JOB_PLAN: JobPlan = { hours: 24, diskGb: 10, downloadGb: 0, uploadGb: 0 }

export interface JobCost {
  compute: number
  storage: number
  bandwidth: number
  total: number
}

type JobOffer = Pick<
  OfferPriceFields,
  'dph_total' | 'storage_total_cost' | 'storage_cost' | 'inet_up_cost' | 'inet_down_cost'
>

/**
 * The search priced `dph_total` with some storage already in it (storage_total_cost); compute is
 * the rest, so an interruptible search's bid price carries through.
 */
export function jobCost(offer: JobOffer, plan: JobPlan): JobCost {
  const computePerHour = Math.max(0, offer.dph_total - (offer.storage_total_cost ?? 0))
  const compute = computePerHour * plan.hours
  const storage = ((plan.diskGb * offer.storage_cost) / HOURS_PER_MONTH) * plan.hours
  const bandwidth =
    plan.downloadGb * (offer.inet_down_cost ?? 0) + plan.uploadGb * (offer.inet_up_cost ?? 0)
  return { compute, storage, bandwidth, total: compute + storage + bandwidth }
}
