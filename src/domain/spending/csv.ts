/** The ledger as CSV (one row per charge) and JSON. Columns are documented in docs/spending.md. */
import type { Charge } from './ledger'

export const CSV_COLUMNS = [
  'start_utc',
  'end_utc',
  'type',
  'source',
  'instance_id',
  'label',
  'template_id',
  'description',
  'gpu_usd',
  'storage_usd',
  'upload_usd',
  'download_usd',
  'other_usd',
  'amount_usd',
] as const

const iso = (unixS: number) => new Date(unixS * 1000).toISOString().replace('.000Z', 'Z')
const money = (value: number) => value.toFixed(3)

/** Quotes a field when needed (RFC 4180) and defuses text a spreadsheet would run as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

export function chargeCells(c: Charge): string[] {
  return [
    iso(c.start),
    iso(c.end),
    c.kind,
    c.source,
    c.instanceId === null ? '' : String(c.instanceId),
    c.label ?? '',
    c.templateId === null ? '' : String(c.templateId),
    c.description,
    money(c.gpu),
    money(c.storage),
    money(c.upload),
    money(c.download),
    money(c.other),
    money(c.amount),
  ]
}

export function toCsv(charges: readonly Charge[]): string {
  const lines = [CSV_COLUMNS.join(',')]
  for (const c of charges) lines.push(chargeCells(c).map(csvField).join(','))
  return `${lines.join('\r\n')}\r\n`
}

export function toJson(charges: readonly Charge[], range: { from: string; to: string }): string {
  return JSON.stringify({ range, charges }, null, 2)
}
