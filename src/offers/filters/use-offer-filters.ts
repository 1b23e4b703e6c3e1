/**
 * The offer filters, kept in the URL query string. The controls read `filters`, which changes at
 * once; the search reads `appliedFilters`, which follows 500 ms after the last change, because
 * offer search allows only about 10 requests a minute.
 *
 * History: a change pushes a history entry; more keystrokes in the same field soon after replace
 * it, so Back steps through searches (not keystrokes) and restores each one at once.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { DEFAULT_FILTERS, type OfferFilters } from './offer-filters'
import { parseOfferFilters, sameControls, sameFilters, serializeOfferFilters } from './filter-url'

export const FILTER_DEBOUNCE_MS = 500
/** Changes closer together than this share one history entry. */
const HISTORY_GROUP_MS = 1_500

function readUrlFilters(): OfferFilters {
  return parseOfferFilters(new URLSearchParams(window.location.search))
}

function writeUrlFilters(filters: OfferFilters, push: boolean): void {
  const params = serializeOfferFilters(filters, new URLSearchParams(window.location.search))
  const search = params.toString()
  const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`
  if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return
  if (push) window.history.pushState(window.history.state, '', url)
  else window.history.replaceState(window.history.state, '', url)
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
  replaceFilters: (filters: OfferFilters) => void
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

  const lastWrite = useRef({ at: 0, fields: '' })
  /** Keystrokes in one field share a history entry; another field, or a pause, starts one. */
  const write = useCallback((next: OfferFilters, fields: string) => {
    const now = Date.now()
    const last = lastWrite.current
    writeUrlFilters(next, fields !== last.fields || now - last.at > HISTORY_GROUP_MS)
    lastWrite.current = { at: now, fields }
  }, [])

  // Back/forward restores the search at once (no debounce): it was already run.
  useEffect(() => {
    const onPopState = () => {
      const next = readUrlFilters()
      setFilters((current) => (sameFilters(current, next) ? current : next))
      setAppliedFilters((current) => (sameFilters(current, next) ? current : next))
      lastWrite.current = { at: 0, fields: '' }
    }
    window.addEventListener('popstate', onPopState)
    return () => window.removeEventListener('popstate', onPopState)
  }, [])

  const changeFilters = useCallback(
    (patch: Partial<OfferFilters>) => {
      const next = { ...filters, ...patch }
      if (sameControls(filters, next)) return
      setFilters(next)
      if (!sameFilters(filters, next)) write(next, Object.keys(patch).sort().join())
    },
    [filters, write],
  )

  /** Replaces every filter at once (a saved search), as a new history entry. */
  const replaceFilters = useCallback((next: OfferFilters) => {
    setFilters(next)
    setAppliedFilters(next)
    writeUrlFilters(next, true)
    lastWrite.current = { at: 0, fields: '' }
  }, [])

  const resetFilters = useCallback(() => replaceFilters(DEFAULT_FILTERS), [replaceFilters])

  const applyNow = useCallback(
    () => setAppliedFilters((current) => (sameFilters(current, filters) ? current : filters)),
    [filters],
  )

  return {
    filters,
    appliedFilters,
    isDebouncing,
    changeFilters,
    resetFilters,
    replaceFilters,
    applyNow,
  }
}
