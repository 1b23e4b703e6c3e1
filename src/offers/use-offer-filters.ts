/**
 * The offer filters, kept in the URL query string. The controls read `filters`, which changes at
 * once; the search reads `appliedFilters`, which follows 500 ms after the last change, because
 * offer search allows only about 10 requests a minute.
 */
import { useCallback, useEffect, useState } from 'react'
import {
  DEFAULT_FILTERS,
  parseOfferFilters,
  sameFilters,
  serializeOfferFilters,
  type OfferFilters,
} from './offer-filters'

export const FILTER_DEBOUNCE_MS = 500

function readUrlFilters(): OfferFilters {
  return parseOfferFilters(new URLSearchParams(window.location.search))
}

function writeUrlFilters(filters: OfferFilters): void {
  const params = serializeOfferFilters(filters, new URLSearchParams(window.location.search))
  const search = params.toString()
  const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`
  // replaceState: tweaking a filter is not a navigation the Back button should step through.
  window.history.replaceState(window.history.state, '', url)
}

export interface OfferFiltersControl {
  /** What the controls show: updated on every change. */
  filters: OfferFilters
  /** What the search uses: `filters`, debounced. */
  appliedFilters: OfferFilters
  /** True while a change waits for its debounce. */
  isDebouncing: boolean
  changeFilters: (patch: Partial<OfferFilters>) => void
  resetFilters: () => void
  /** Applies pending changes now (e.g. Enter in the GPU model field). */
  applyNow: () => void
}

export function useOfferFilters(delayMs = FILTER_DEBOUNCE_MS): OfferFiltersControl {
  const [filters, setFilters] = useState(readUrlFilters)
  const [appliedFilters, setAppliedFilters] = useState(filters)
  const isDebouncing = !sameFilters(filters, appliedFilters)

  useEffect(() => {
    if (!isDebouncing) return
    const timer = setTimeout(() => setAppliedFilters(filters), delayMs)
    return () => clearTimeout(timer)
  }, [filters, isDebouncing, delayMs])

  // Back/forward (the shell pushes tab changes) may bring other filters with it.
  useEffect(() => {
    const onPopState = () => {
      const next = readUrlFilters()
      setFilters((current) => (sameFilters(current, next) ? current : next))
    }
    window.addEventListener('popstate', onPopState)
    return () => window.removeEventListener('popstate', onPopState)
  }, [])

  const changeFilters = useCallback(
    (patch: Partial<OfferFilters>) => {
      const next = { ...filters, ...patch }
      if (sameFilters(filters, next)) return
      setFilters(next)
      writeUrlFilters(next)
    },
    [filters],
  )

  const resetFilters = useCallback(() => {
    setFilters(DEFAULT_FILTERS)
    setAppliedFilters(DEFAULT_FILTERS)
    writeUrlFilters(DEFAULT_FILTERS)
  }, [])

  const applyNow = useCallback(
    () => setAppliedFilters((current) => (sameFilters(current, filters) ? current : filters)),
    [filters],
  )

  return { filters, appliedFilters, isDebouncing, changeFilters, resetFilters, applyNow }
}
