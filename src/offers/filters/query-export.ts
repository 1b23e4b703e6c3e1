/**
 * The effective search as something to paste into a terminal: a curl call to POST /bundles/
 * (the key read from $VAST_API_KEY, never written out) and the same search for the vastai CLI,
 * in the CLI's own units (it multiplies gpu_ram/cpu_ram by 1000 and duration by 86,400, and
 * swaps `_` for spaces in GPU names: reference §3.2–3.3).
 */
import { bundlesBody, type BundlesQuery, type ScalarValue } from '../../api/offers/bundles-query'

/** Vast's API host, for the pasted command only (the app itself calls its own origin). */
export const VAST_API_HOST = 'https://console.vast.ai'

const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`

export function toCurl(query: BundlesQuery): string {
  return [
    `curl -sS -X POST ${VAST_API_HOST}/api/v0/bundles/`,
    `  -H "Authorization: Bearer $VAST_API_KEY"`,
    `  -H 'Content-Type: application/json'`,
    `  --data ${shellQuote(JSON.stringify(bundlesBody(query)))}`,
  ].join(' \\\n')
}

/**
 * The CLI command adds these itself (rentable, not external) — but not `rented`: today's
 * `vastai search offers` sends no `rented` filter, so the app's `rented=false` is written out
 * (vast-api-notes, "Default filters").
 */
const CLI_DEFAULTS = new Set(['rentable', 'external'])
const OPS: Record<string, string> = {
  eq: '=',
  neq: '!=',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  in: ' in ',
  notin: ' notin ',
}
const SCALE: Record<string, number> = { gpu_ram: 1000, cpu_ram: 1000, duration: 86_400 }

function cliValue(field: string, value: ScalarValue): string {
  if (typeof value === 'number') {
    const scale = SCALE[field] ?? 1
    return String(Number((value / scale).toFixed(6)))
  }
  if (typeof value === 'string') return field === 'gpu_name' ? value.replaceAll(' ', '_') : value
  // The CLI's query parser reads `True`/`False` (and lower case).
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  return String(value)
}

export function toVastaiCli(query: BundlesQuery): string {
  const terms: string[] = []
  if (!('verified' in query.filters)) terms.push('verified=any')
  for (const [field, ops] of Object.entries(query.filters)) {
    if (CLI_DEFAULTS.has(field)) continue
    for (const [op, value] of Object.entries(ops)) {
      const symbol = OPS[op]
      if (!symbol || value === undefined) continue
      const text = Array.isArray(value)
        ? `[${value.map((v) => cliValue(field, v)).join(',')}]`
        : cliValue(field, value)
      terms.push(`${field}${symbol}${text}`)
    }
  }
  const order = query.order.map(([field, dir]) => `${field}${dir === 'desc' ? '-' : ''}`).join(',')
  const parts = ['vastai search offers', shellQuote(terms.join(' '))]
  if (order) parts.push(`-o ${shellQuote(order)}`)
  if (query.type !== 'on-demand') parts.push(`--type ${query.type}`)
  parts.push(`--limit ${query.limit}`, `--storage ${query.allocatedStorage}`)
  return parts.join(' ')
}
