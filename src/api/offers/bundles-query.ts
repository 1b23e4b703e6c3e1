/**
 * The bundles (offer search) query object, as POST /api/v0/bundles/ takes it:
 * `{ field: { op: value } , order, type, limit, allocated_storage }`. Units are the raw API's
 * (MB for RAM, seconds for duration, spaces in GPU names).
 */
export type ScalarValue = number | boolean | string | null
export type FieldOp = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'notin'
export type FieldFilter = Partial<Record<FieldOp, ScalarValue | ScalarValue[]>>

export type OfferType = 'on-demand' | 'bid' | 'reserved'
export type SortDirection = 'asc' | 'desc'

export interface BundlesQuery {
  filters: Record<string, FieldFilter>
  order: [string, SortDirection][]
  type: OfferType
  limit: number
  /** GB the offers are priced for (storage cost is added to dph_total). */
  allocatedStorage: number
}

/** The JSON body sent to Vast. */
export function bundlesBody(query: BundlesQuery): Record<string, unknown> {
  return {
    ...query.filters,
    order: query.order,
    type: query.type,
    limit: query.limit,
    allocated_storage: query.allocatedStorage,
  }
}
