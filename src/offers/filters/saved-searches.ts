/**
 * Saved searches: named filter sets kept on this device (localStorage), stored as the URL query
 * string they produce, so a saved search reads back exactly like a shared link.
 */
import { useCallback, useState } from 'react'
import { type OfferFilters } from './offer-filters'
import { parseOfferFilters, serializeOfferFilters } from './filter-url'

const STORAGE_KEY = 'vast-console.saved-searches.v1'
const MAX_SAVED = 50
const MAX_NAME = 60

export interface SavedSearch {
  name: string
  /** The filters as a URL query string ("gpu=H100+SXM&price=2"). */
  query: string
}

export function readSavedSearches(): SavedSearch[] {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY)
    const value: unknown = raw ? JSON.parse(raw) : []
    if (!Array.isArray(value)) return []
    return value.flatMap((item: unknown) =>
      typeof item === 'object' &&
      item !== null &&
      'name' in item &&
      typeof item.name === 'string' &&
      'query' in item &&
      typeof item.query === 'string'
        ? [{ name: item.name.slice(0, MAX_NAME), query: item.query }]
        : [],
    )
  } catch {
    return []
  }
}

function write(list: SavedSearch[]): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(list))
  } catch {
    // Storage full or blocked: the list lasts for this page only.
  }
}

/** Adds (or replaces, by name) a saved search; the newest comes first. */
export function withSaved(list: SavedSearch[], name: string, filters: OfferFilters): SavedSearch[] {
  const clean = name.trim().slice(0, MAX_NAME)
  if (!clean) return list
  const entry = { name: clean, query: serializeOfferFilters(filters).toString() }
  return [entry, ...list.filter((s) => s.name !== clean)].slice(0, MAX_SAVED)
}

export const filtersOf = (saved: SavedSearch) => parseOfferFilters(new URLSearchParams(saved.query))

export function useSavedSearches() {
  const [list, setList] = useState(readSavedSearches)
  const save = useCallback((name: string, filters: OfferFilters) => {
    setList((current) => {
      const next = withSaved(current, name, filters)
      write(next)
      return next
    })
  }, [])
  const remove = useCallback((name: string) => {
    setList((current) => {
      const next = current.filter((s) => s.name !== name)
      write(next)
      return next
    })
  }, [])
  return { list, save, remove }
}
