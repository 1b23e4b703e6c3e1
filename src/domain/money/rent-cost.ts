/**
 * What a rental will cost, from the offer's own prices (reference §3.5):
 * storage $/hr = disk GB × storage_cost ($/GB/month) / 720, and total = GPU $/hr + storage $/hr.
 */

/** Hours in Vast's billing month. */
export const HOURS_PER_MONTH = 720

export interface RentCostInput {
  /** $/hr for the GPUs (the offer's dph_base, or the bid for an interruptible rental). */
  gpuPerHour: number
  /** $/GB/month (the offer's storage_cost). */
  storageCostPerGbMonth: number
  diskGb: number
}

export interface RentCost {
  gpuPerHour: number
  storagePerHour: number
  totalPerHour: number
  totalPerDay: number
  /** Storage keeps billing while the instance is stopped. */
  storagePerDay: number
}

export function storagePerHour(diskGb: number, storageCostPerGbMonth: number): number {
  return (diskGb * storageCostPerGbMonth) / HOURS_PER_MONTH
}

export function rentCost({ gpuPerHour, storageCostPerGbMonth, diskGb }: RentCostInput): RentCost {
  const storage = storagePerHour(diskGb, storageCostPerGbMonth)
  const total = gpuPerHour + storage
  return {
    gpuPerHour,
    storagePerHour: storage,
    totalPerHour: total,
    totalPerDay: total * 24,
    storagePerDay: storage * 24,
  }
}

/** The lowest bid Vast accepts for an offer, rounded up to the tenth of a cent the field shows. */
export function defaultBid(minBid: number | null | undefined): string {
  if (minBid == null || !Number.isFinite(minBid) || minBid <= 0) return ''
  return (Math.ceil(Math.round(minBid * 1e6) / 1e3) / 1e3).toFixed(3)
}

/** Bid in $/hr when the text is a plain decimal number, else null. */
export function parseBid(text: string): number | null {
  const clean = text.trim()
  return /^\d+(\.\d+)?$/.test(clean) ? Number(clean) : null
}

/**
 * The rental's cost in the offer list's own terms when it rents what the list priced (the same
 * disk as the search's allocated storage, at the listed GPU price): Vast's `dph_total` then is
 * the total, so the dialog and the row show the same figure. Otherwise `cost` unchanged.
 */
export function matchListing(
  cost: RentCost,
  listed: { dphTotal: number | null | undefined; diskGb: number },
  diskGb: number,
): RentCost {
  const total = listed.dphTotal
  if (total == null || !Number.isFinite(total) || diskGb !== listed.diskGb) return cost
  const storage = Math.max(0, total - cost.gpuPerHour)
  return {
    ...cost,
    storagePerHour: storage,
    totalPerHour: total,
    totalPerDay: total * 24,
    storagePerDay: storage * 24,
  }
}
