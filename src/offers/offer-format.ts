/** How offers read on screen: short, unambiguous labels for one offer. */
import type { Offer } from '../api/offers/schemas'
import { formatPrice } from '../domain/format'

const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 })

export const formatNumber = (value: number | null | undefined) =>
  value == null ? '—' : oneDecimal.format(value)

/** "2× RTX 4090". */
export const gpuSummary = (offer: Pick<Offer, 'num_gpus' | 'gpu_name'>) =>
  `${offer.num_gpus}× ${offer.gpu_name}`

/**
 * Reliability (0–1) as the search filters it: `reliability`, the field Vast's offer search
 * compares and the CLI's offer table shows; `reliability2` only when that is missing.
 */
export const offerReliability = (offer: Pick<Offer, 'reliability' | 'reliability2'>) =>
  offer.reliability ?? offer.reliability2 ?? null

export const isVerified = (offer: Pick<Offer, 'verification'>) =>
  offer.verification?.toLowerCase() === 'verified'

/** What a screen reader hears for a row's Rent button: which offer, at which price. */
export function offerDescription(offer: Offer): string {
  const place = offer.geolocation ? ` in ${offer.geolocation}` : ''
  return `${gpuSummary(offer)}${place}, ${formatPrice(offer.dph_total)} per hour, offer ${offer.id}`
}
