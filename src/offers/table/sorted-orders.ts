/**
 * Sorted orders of the loaded offers, derived once per result: for each sortable column (on first
 * use) the rows' dense ranks and their ascending order in typed arrays. A header click then picks
 * a permutation (one pass over the order, or an integer sort for several keys) instead of
 * comparing cell values, and the quick filter's matches are picked from the same order.
 *
 * Order rules (those of the table's sort): values compare as numbers, or lower-cased text for
 * text columns; a descending key reverses the values but keeps unknown values last; rows equal
 * on every key keep their loaded order.
 */
import type { SortingState } from '@tanstack/react-table'

export type SortValue = string | number | undefined

export interface SortKey<Row> {
  id: string
  value: (row: Row) => SortValue
  /** Compare as lower-cased text. */
  text?: boolean
}

export interface SortIndex {
  /**
   * Indices of the rows in `sorting` order; only those in `subset` (ascending indices) when given.
   * Unknown column ids are ignored.
   */
  pick(sorting: SortingState, subset?: Uint32Array | null): Uint32Array
  /** Builds one column's order ahead of its first sort (false: unknown column or already built). */
  prepare(id: string): boolean
}

/** The rank of an unknown value: after every known one, whichever the direction. */
const UNKNOWN = 0xffffffff

interface ColumnOrder {
  /** Dense rank of each row's value (equal values, equal ranks); UNKNOWN for none. */
  rank: Uint32Array
  /** Row indices by (rank, index) ascending. */
  order: Uint32Array
  /** How many rows have a known value (they come first in `order`). */
  known: number
}

function normalize(value: SortValue, text: boolean | undefined): string | number | undefined {
  if (value === undefined) return undefined
  if (!text) return value
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  return value.toLowerCase()
}

function buildColumn<Row>(rows: readonly Row[], key: SortKey<Row>): ColumnOrder {
  const n = rows.length
  const values = rows.map((row) => normalize(key.value(row), key.text))
  const order = new Uint32Array(n)
  for (let i = 0; i < n; i += 1) order[i] = i
  order.sort((a, b) => {
    const va = values[a]
    const vb = values[b]
    if (va === undefined || vb === undefined) {
      if (va !== undefined) return -1
      if (vb !== undefined) return 1
      return a - b
    }
    return va === vb ? a - b : va > vb ? 1 : -1
  })
  const rank = new Uint32Array(n)
  let known = 0
  let current = 0
  for (let i = 0; i < n; i += 1) {
    const row = order[i] ?? 0
    const value = values[row]
    if (value === undefined) {
      rank[row] = UNKNOWN
      continue
    }
    if (i > 0 && value !== values[order[i - 1] ?? 0]) current += 1
    rank[row] = current
    known += 1
  }
  return { rank, order, known }
}

export function createSortIndex<Row>(
  rows: readonly Row[],
  keys: readonly SortKey<Row>[],
): SortIndex {
  const byId = new Map(keys.map((key) => [key.id, key]))
  const columns = new Map<string, ColumnOrder>()
  const column = (id: string): ColumnOrder | undefined => {
    let built = columns.get(id)
    if (!built) {
      const key = byId.get(id)
      if (!key) return undefined
      built = buildColumn(rows, key)
      columns.set(id, built)
    }
    return built
  }

  return {
    prepare(id) {
      if (columns.has(id)) return false
      return column(id) !== undefined
    },
    pick(sorting, subset = null) {
      const active = sorting.flatMap((s) => {
        const c = column(s.id)
        return c ? [{ ...c, desc: s.desc }] : []
      })
      const n = rows.length
      let member: Uint8Array | null = null
      if (subset) {
        member = new Uint8Array(n)
        for (const i of subset) member[i] = 1
      }
      const first = active[0]
      if (!first) return subset ? subset.slice() : identity(n)
      if (active.length === 1) return pickOne(first, first.desc, member, subset?.length ?? n)
      const picked = subset ? subset.slice() : identity(n)
      return picked.sort((a, b) => {
        for (const c of active) {
          const ra = c.rank[a] ?? UNKNOWN
          const rb = c.rank[b] ?? UNKNOWN
          if (ra === rb) continue
          if (ra === UNKNOWN) return 1
          if (rb === UNKNOWN) return -1
          return c.desc ? rb - ra : ra - rb
        }
        return a - b
      })
    },
  }
}

function identity(n: number): Uint32Array {
  const out = new Uint32Array(n)
  for (let i = 0; i < n; i += 1) out[i] = i
  return out
}

/** One key: a walk over its order (descending: groups of equal values back to front). */
function pickOne(
  { order, rank, known }: ColumnOrder,
  desc: boolean,
  member: Uint8Array | null,
  size: number,
): Uint32Array {
  const out = new Uint32Array(size)
  let k = 0
  const take = (row: number) => {
    if (!member || member[row]) out[k++] = row
  }
  if (!desc) {
    for (const row of order) take(row)
    return out
  }
  let end = known
  while (end > 0) {
    const r = rank[order[end - 1] ?? 0]
    let start = end - 1
    while (start > 0 && rank[order[start - 1] ?? 0] === r) start -= 1
    for (let i = start; i < end; i += 1) take(order[i] ?? 0)
    end = start
  }
  for (let i = known; i < order.length; i += 1) take(order[i] ?? 0)
  return out
}
