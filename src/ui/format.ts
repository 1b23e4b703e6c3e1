/** Display formatting shared by every screen. */
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })
const usdPrecise = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 3,
  maximumFractionDigits: 3,
})

/** $25.00 */
export const formatUsd = (value: number) => usd.format(value)
/** $0.321/hr: three decimals, as GPU prices need. */
export const formatRate = (value: number, unit = 'hr') => `${usdPrecise.format(value)}/${unit}`

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
