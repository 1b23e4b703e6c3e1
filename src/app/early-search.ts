/**
 * The offers page's first search, started while a new key is being checked (a lazy chunk: the
 * key screen does not carry the offers code).
 */
import { parseOfferFilters } from '../offers/filters/filter-url'
import { startEarlySearch } from '../offers/offer-search'

export const startFirstSearch = (key: string) =>
  startEarlySearch(key, parseOfferFilters(new URLSearchParams(window.location.search)))
