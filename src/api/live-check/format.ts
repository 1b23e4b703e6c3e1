/** The live check's rows as one plain-text table (long cells wrap onto more lines). */
import type { LiveCheckRow } from './checks'

export const HEADERS = [
  'Endpoint',
  'HTTP',
  'Parsed',
  'Dropped',
  'Expected, not sent',
  'Sent, not known',
  'Result',
] as const
const WIDTHS = [38, 4, 6, 7, 30, 40, 40] as const

const OUTCOME: Record<LiveCheckRow['outcome'], string> = {
  ok: 'ok',
  parse_failure: 'PARSE FAILURE',
  failed: 'FAILED',
  skipped: 'skipped',
}

/** Splits text into lines of at most `width`, breaking after ", " or at spaces where it can. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let rest = text
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width)
    const at = cut > 0 ? cut : width
    lines.push(rest.slice(0, at).trimEnd())
    rest = rest.slice(at).trimStart()
  }
  lines.push(rest)
  return lines
}

const count = (value: number | null) => (value === null ? '-' : String(value))

export function cellsOf(row: LiveCheckRow): string[] {
  const result = row.note ? `${OUTCOME[row.outcome]}: ${row.note}` : OUTCOME[row.outcome]
  return [
    row.endpoint,
    row.status === null ? '-' : String(row.status),
    count(row.parsed),
    count(row.dropped),
    row.missing.join(', ') || '-',
    row.unknown.join(', ') || '-',
    result,
  ]
}

export function formatTable(rows: readonly LiveCheckRow[]): string {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(WIDTHS[i] ?? 0)).join(' | ')} |`
  const rule = `|${WIDTHS.map((w) => '-'.repeat(w + 2)).join('|')}|`
  const out = [line(HEADERS), rule]
  for (const row of rows) {
    const wrapped = cellsOf(row).map((cell, i) => wrap(cell, WIDTHS[i] ?? 0))
    const height = Math.max(...wrapped.map((lines) => lines.length))
    for (let n = 0; n < height; n += 1) out.push(line(wrapped.map((lines) => lines[n] ?? '')))
  }
  return out.join('\n')
}
