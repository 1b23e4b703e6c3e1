/**
 * Vast's filter operators (`{field: {op: value}}`, reference §3.2), shared by offer search and
 * the v1 instance list's `select_filters`. Like the real server, numeric strings and "true"/"false"
 * are tolerated in filter values; strings otherwise compare exactly.
 */
import { isRecord, type Json } from './responses'

export type Ops = Record<string, unknown>

/** The CLI's alternative spellings map onto the eight operators. */
const OP_ALIASES: Record<string, string> = {
  nin: 'notin',
  noteq: 'neq',
  'not eq': 'neq',
  'not in': 'notin',
  ne: 'neq',
}

const NUMERIC = /^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'string' && NUMERIC.test(value)) return Number(value)
  return null
}

function toBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value
  if (value === 1 || value === 0) return value === 1
  if (typeof value === 'string' && /^(true|false|1|0)$/i.test(value.trim()))
    return /^(true|1)$/i.test(value.trim())
  return null
}

/** Equality as the server applies it: null only equals null; numbers and booleans tolerate strings. */
export function looseEquals(actual: Json | undefined, expected: unknown): boolean {
  if (actual === null || actual === undefined || expected === null || expected === undefined) {
    return (actual ?? null) === (expected ?? null)
  }
  if (typeof actual === 'boolean') return toBoolean(expected) === actual
  if (typeof actual === 'number') return toNumber(expected) === actual
  if (typeof actual === 'string') {
    if (typeof expected === 'string') return actual === expected
    const a = toNumber(actual)
    return a !== null && a === toNumber(expected)
  }
  return false
}

/** Ordering for gt/gte/lt/lte and sorting: numeric when both sides read as numbers. */
export function compareValues(a: Json | undefined, b: unknown): number | null {
  if (a === null || a === undefined || b === null || b === undefined) return null
  const x = toNumber(a)
  const y = toNumber(b)
  if (x !== null && y !== null) return x - y
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0
  return null
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value])

/** A bare value is read as `{eq: value}`. */
export const toOps = (value: unknown): Ops => (isRecord(value) ? value : { eq: value })

/** Does `value` satisfy every operator in `ops`? Unknown operators are ignored. */
export function matchesOps(value: Json | undefined, ops: Ops): boolean {
  for (const [rawOp, expected] of Object.entries(ops)) {
    const op = OP_ALIASES[rawOp] ?? rawOp
    const cmp = () => compareValues(value, expected)
    let pass = true
    switch (op) {
      case 'eq':
        pass = looseEquals(value, expected)
        break
      case 'neq':
        pass = !looseEquals(value, expected)
        break
      case 'gt':
        pass = (cmp() ?? -1) > 0
        break
      case 'gte':
        pass = (cmp() ?? -1) >= 0
        break
      case 'lt':
        pass = (cmp() ?? 1) < 0
        break
      case 'lte':
        pass = (cmp() ?? 1) <= 0
        break
      case 'in':
        pass = asList(expected).some((item) => looseEquals(value, item))
        break
      case 'notin':
        pass = !asList(expected).some((item) => looseEquals(value, item))
        break
      default:
        break
    }
    if (!pass) return false
  }
  return true
}

/** Rewrites every operand (e.g. GB → MB, "570.133.07" → 570133007). */
export function mapOperands(ops: Ops, map: (value: unknown) => unknown): Ops {
  const out: Ops = {}
  for (const [op, value] of Object.entries(ops))
    out[op] = Array.isArray(value) ? value.map(map) : map(value)
  return out
}

/** Sort comparator for one key: nulls last whatever the direction. */
export function sortCompare(
  a: Json | undefined,
  b: Json | undefined,
  direction: 'asc' | 'desc',
): number {
  const aNull = a === null || a === undefined
  const bNull = b === null || b === undefined
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? 1 : -1
  const c = compareValues(a, b) ?? 0
  return direction === 'asc' ? c : -c
}
