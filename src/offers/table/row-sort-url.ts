/**
 * The table's own sort (column header clicks) in the URL as `rowsort=price:asc,vram:desc`, so a
 * shared link or a reload shows the rows in the same order. It sorts loaded rows only; the
 * search's server-side order is the separate `sort` parameter. Changes replace the history entry
 * (Back steps through searches, not header clicks).
 */
import type { SortingState } from '@tanstack/react-table'
import { useCallback, useEffect, useState } from 'react'

export const ROW_SORT_PARAM = 'rowsort'
/** As many sort keys as anyone shift-clicks. */
const MAX_KEYS = 4

/** Reads the parameter, keeping only known columns, each once, in order. */
export function parseRowSort(value: string | null, columns: ReadonlySet<string>): SortingState {
  if (!value) return []
  const sorting: SortingState = []
  for (const part of value.split(',')) {
    const [id = '', dir = 'asc'] = part.split(':')
    if (!columns.has(id) || sorting.some((s) => s.id === id)) continue
    if (dir !== 'asc' && dir !== 'desc') continue
    sorting.push({ id, desc: dir === 'desc' })
    if (sorting.length === MAX_KEYS) break
  }
  return sorting
}

export const serializeRowSort = (sorting: SortingState): string =>
  sorting.map((s) => `${s.id}:${s.desc ? 'desc' : 'asc'}`).join(',')

function readUrl(columns: ReadonlySet<string>): SortingState {
  return parseRowSort(new URLSearchParams(window.location.search).get(ROW_SORT_PARAM), columns)
}

function writeUrl(sorting: SortingState): void {
  const params = new URLSearchParams(window.location.search)
  if (sorting.length === 0) params.delete(ROW_SORT_PARAM)
  else params.set(ROW_SORT_PARAM, serializeRowSort(sorting))
  const search = params.toString()
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`,
  )
}

/** TanStack Table sorting state backed by the URL. */
export function useRowSortInUrl(
  columns: ReadonlySet<string>,
): [SortingState, (updater: SortingState | ((old: SortingState) => SortingState)) => void] {
  const [sorting, setSorting] = useState(() => readUrl(columns))
  useEffect(() => {
    const onPopState = () => setSorting(readUrl(columns))
    window.addEventListener('popstate', onPopState)
    return () => window.removeEventListener('popstate', onPopState)
  }, [columns])
  const change = useCallback(
    (updater: SortingState | ((old: SortingState) => SortingState)) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater
      setSorting(next)
      // After the sorted rows are painted: the click's frame is for the rows.
      requestAnimationFrame(() => setTimeout(() => writeUrl(next), 0))
    },
    [sorting],
  )
  return [sorting, change]
}
