import type { ColumnVisibilityState } from '@tanstack/react-table'
import { useCallback, useState } from 'react'
import { DEFAULT_HIDDEN_COLUMNS } from './offer-columns'

const COLUMNS_STORAGE_KEY = 'vast-console.offer-columns.v1'

function readColumnVisibility(): ColumnVisibilityState {
  const hidden: ColumnVisibilityState = Object.fromEntries(
    DEFAULT_HIDDEN_COLUMNS.map((id) => [id, false]),
  )
  try {
    const raw = window.localStorage.getItem(COLUMNS_STORAGE_KEY)
    if (!raw) return hidden
    const parsed: unknown = JSON.parse(raw)
    if (typeof parsed !== 'object' || parsed === null) return hidden
    const out: ColumnVisibilityState = {}
    for (const [id, visible] of Object.entries(parsed))
      if (typeof visible === 'boolean') out[id] = visible
    return out
  } catch {
    return hidden
  }
}

/** Column choice, kept in localStorage (a UI preference). */
export function useColumnVisibility() {
  const [visibility, setVisibility] = useState(readColumnVisibility)
  const change = useCallback((next: ColumnVisibilityState) => {
    setVisibility(next)
    try {
      window.localStorage.setItem(COLUMNS_STORAGE_KEY, JSON.stringify(next))
    } catch {
      // Storage full or blocked: the choice lasts for this page only.
    }
  }, [])
  return [visibility, change] as const
}
