/**
 * Display formatting shared by every screen, and the one money formatter: every dollar figure in
 * the app is printed by `formatMoney` (rules in docs/money.md).
 */
export interface MoneyFormat {
  /** 2 for amounts ($25.00), 3 for prices and rates ($0.321), as GPU prices need. */
  decimals?: 2 | 3
  /** Appends the unit: "/hr", "/day", "/month". */
  per?: 'hr' | 'day' | 'month'
}

const usd = {
  2: new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }),
  3: new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 3,
    maximumFractionDigits: 3,
  }),
}

/** $1,234.50 · $0.321 · $0.321/hr · -$2.00. Always en-US with thousands separators. */
export function formatMoney(value: number, { decimals = 2, per }: MoneyFormat = {}): string {
  const amount = usd[decimals].format(value)
  return per ? `${amount}/${per}` : amount
}

/** The presets the screens use, all printed by formatMoney. $25.00 */
export const formatUsd = (value: number) => formatMoney(value)
/** $0.402: a per-hour price where the column or label already says "/hr". */
export const formatPrice = (value: number) => formatMoney(value, { decimals: 3 })
/** $0.321/hr: three decimals, as GPU prices need. */
export const formatRate = (value: number, per: MoneyFormat['per'] = 'hr') =>
  formatMoney(value, { decimals: 3, per })

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds <= 0) return '—'
  const days = seconds / 86_400
  if (days >= 1) return `${Math.floor(days)} d`
  const hours = seconds / 3600
  return hours >= 1 ? `${Math.floor(hours)} h` : `${Math.max(1, Math.floor(seconds / 60))} min`
}

export const formatGb = (mb: number | null | undefined) =>
  mb == null ? '—' : `${Math.round(mb / 1024)} GB`

export const formatPercent = (fraction: number | null | undefined) =>
  fraction == null ? '—' : `${(fraction * 100).toFixed(1)}%`

// Made on first use: building an Intl formatter costs milliseconds at start-up.
let asOfFormats: { time: Intl.DateTimeFormat; day: Intl.DateTimeFormat } | null = null

/** "14:02" for a time today, "3 Dec 14:02" for an earlier day (local time): an answer's age. */
export function formatAsOf(at: number, now = Date.now()): string {
  asOfFormats ??= {
    time: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }),
    day: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' }),
  }
  const time = asOfFormats.time.format(at)
  return new Date(at).toDateString() === new Date(now).toDateString()
    ? time
    : `${asOfFormats.day.format(at)} ${time}`
}
