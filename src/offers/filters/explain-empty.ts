/**
 * Why a search came back empty: each active filter is tried against a broader set of offers
 * (rows already loaded, or one relaxed search), to name the filter that emptied the list.
 */
import type { Offer } from '../../api/offers/schemas'
import { DEFAULT_FILTERS, type OfferFilters } from './offer-filters'
import { activeCriteria } from './filter-criteria'

export interface FilterEffect {
  id: string
  /** The filter as the user set it ("price ≤ $0.05/hr"). */
  text: string
  /** Offers of the sample that pass this filter alone. */
  alone: number
  /** Offers of the sample that pass every other active filter. */
  without: number
}

export interface EmptyExplanation {
  /** The filter that emptied the list: removing it brings back the most offers (or, when no
   * single removal helps, the filter that alone keeps the fewest). Null when nothing is active. */
  culprit: FilterEffect | null
  effects: FilterEffect[]
  /** How many offers the sample held. */
  sample: number
}

export function explainEmpty(offers: readonly Offer[], filters: OfferFilters): EmptyExplanation {
  const criteria = activeCriteria(filters)
  const effects = criteria.map((criterion) => {
    let alone = 0
    let without = 0
    for (const offer of offers) {
      if (criterion.test(offer, filters)) alone += 1
      if (criteria.every((c) => c === criterion || c.test(offer, filters))) without += 1
    }
    return { id: criterion.id, text: criterion.describe(filters), alone, without }
  })
  let culprit: FilterEffect | null = null
  for (const effect of effects) {
    if (!culprit) culprit = effect
    else if (effect.without > culprit.without) culprit = effect
    else if (effect.without === culprit.without && effect.alone < culprit.alone) culprit = effect
  }
  return { culprit, effects, sample: offers.length }
}

/** The one relaxed search used when no broader rows are loaded: no filters, same pricing. */
export function relaxedFilters(filters: OfferFilters): OfferFilters {
  return {
    ...DEFAULT_FILTERS,
    verified: false,
    type: filters.type,
    sort: filters.sort,
    limit: 1000,
  }
}
