/** The per-query pricing of an offer: what a search or an instance row says it costs. */
import type { Offer } from './offer-seed'
import type { Json, Row } from './responses'
import { round } from './rng'

export type OfferType = 'on-demand' | 'bid' | 'reserved'

export interface Pricing {
  type: OfferType
  /** GB of disk the price includes. */
  allocatedStorage: number
  nowMs: number
  /** The market's price factor at `nowMs` (price-wave.ts); 1 when absent. */
  factor?: number
}

/** The price object Vast attaches as `search` and `instance`. */
export function priceObject(gpuHour: number, diskHour: number, discountRate = 0): Row {
  const total = gpuHour + diskHour
  return {
    gpuCostPerHour: round(gpuHour, 8),
    diskHour: round(diskHour, 8),
    totalHour: round(total, 8),
    discountTotalHour: round(total * discountRate, 8),
    discountedTotalPerHour: round(total * (1 - discountRate), 8),
  }
}

/**
 * The query-dependent fields: storage_total_cost = GB × storage_cost / 720 and
 * dph_total = dph_base + storage_total_cost. Interruptible (`bid`) searches price at min_bid.
 * Small on purpose: searches filter and sort on these plus `offer.fields` without copying rows.
 */
export function priceFields(offer: Offer, pricing: Pricing): Row {
  const bid = pricing.type === 'bid'
  const gpuHour = (bid ? offer.minBid : offer.dphBase) * (pricing.factor ?? 1)
  const storageHour = (pricing.allocatedStorage * offer.storageCost) / 720
  const total = gpuHour + storageHour
  const discountRate = pricing.type === 'reserved' ? offer.discountRate : 0
  return {
    discount_rate: discountRate,
    discounted_dph_total: round(total * (1 - discountRate), 8),
    discounted_hourly: discountRate > 0 ? round(gpuHour * (1 - discountRate), 8) : 0,
    dlperf_per_dphtotal: round(offer.dlperf / total, 4),
    dph_base: round(gpuHour, 8),
    dph_total: round(total, 8),
    dph_total_adj: round(total, 8),
    duration: round(offer.endDate - pricing.nowMs / 1000, 1),
    flops_per_dphtotal: round(offer.totalFlops / total, 4),
    is_bid: bid,
    min_bid: round(offer.minBid * (pricing.factor ?? 1), 8),
    storage_total_cost: round(storageHour, 8),
    vram_costperhour: Number((gpuHour / offer.gpuTotalRam).toPrecision(6)),
  }
}

/** The full raw row for one query, with the `search`/`instance` price objects. */
export function pricedRow(
  offer: Offer,
  pricing: Pricing,
  prices: Row = priceFields(offer, pricing),
): Row {
  const gpuHour = prices.dph_base
  const storageHour = prices.storage_total_cost
  const discountRate = prices.discount_rate
  const priceObj =
    typeof gpuHour === 'number' && typeof storageHour === 'number'
      ? priceObject(gpuHour, storageHour, typeof discountRate === 'number' ? discountRate : 0)
      : null
  return { ...offer.fields, ...prices, instance: priceObj, search: priceObj }
}

/** The row as it goes on the wire: a few numbers sent as numeric strings, like the raw API. */
export function withWireQuirks(offer: Offer, row: Row): Row {
  if (offer.stringified.length === 0) return row
  const out: Row = { ...row }
  for (const field of offer.stringified) {
    const value: Json | undefined = out[field]
    if (typeof value === 'number') out[field] = String(value)
  }
  return out
}
