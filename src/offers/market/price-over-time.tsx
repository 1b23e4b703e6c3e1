import { formatPrice } from '../../domain/format'

export interface PricePoint {
  /** Epoch ms of the search. */
  at: number
  p10: number
  median: number
  p90: number
}

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' })

/**
 * A GPU model's $/GPU-hour over the searches this browser kept: the median as a line, the
 * p10–p90 spread as a band, on a time axis (searches are not evenly spaced). Labelled with the
 * span and the first and latest medians; the lowest and highest prices drawn sit on the axis.
 */
export function PriceOverTime({
  model,
  points,
  width = 480,
  height = 140,
}: {
  model: string
  points: readonly PricePoint[]
  width?: number
  height?: number
}) {
  const first = points[0]
  const last = points.at(-1)
  if (!first || !last) return <p className="text-sm text-muted">No search of {model} kept yet.</p>
  const left = 48
  const bottom = 16
  const plotW = width - left - 4
  const plotH = height - bottom - 4
  const low = Math.min(...points.map((p) => p.p10))
  const high = Math.max(...points.map((p) => p.p90))
  const span = high - low || 1
  const time = last.at - first.at || 1
  const x = (at: number) =>
    points.length === 1 ? left + plotW / 2 : left + ((at - first.at) / time) * plotW
  const y = (price: number) => 4 + plotH - ((price - low) / span) * plotH
  const line = points.map((p) => `${x(p.at).toFixed(1)},${y(p.median).toFixed(1)}`).join(' ')
  const band = [
    ...points.map((p) => `${x(p.at).toFixed(1)},${y(p.p90).toFixed(1)}`),
    ...[...points].reverse().map((p) => `${x(p.at).toFixed(1)},${y(p.p10).toFixed(1)}`),
  ].join(' ')
  const label =
    `${model} price over time: ${points.length} ${points.length === 1 ? 'search' : 'searches'} ` +
    `from ${day.format(first.at)} to ${day.format(last.at)}, median from ` +
    `${formatPrice(first.median)} to ${formatPrice(last.median)} per GPU-hour`
  return (
    <svg width={width} height={height} role="img" aria-label={label} className="max-w-full">
      <polygon points={band} fill="var(--color-accent-soft)" />
      <polyline points={line} fill="none" stroke="var(--color-accent)" strokeWidth="1.5" />
      {points.length === 1 && (
        <circle cx={x(first.at)} cy={y(first.median)} r="3" fill="var(--color-accent)" />
      )}
      <g className="fill-current text-[10px] text-muted">
        <text x={left - 4} y={10} textAnchor="end">
          {formatPrice(high)}
        </text>
        <text x={left - 4} y={4 + plotH} textAnchor="end">
          {formatPrice(low)}
        </text>
        <text x={left} y={height - 2}>
          {day.format(first.at)}
        </text>
        <text x={width - 4} y={height - 2} textAnchor="end">
          {day.format(last.at)}
        </text>
      </g>
      <line x1={left} x2={left} y1={4} y2={4 + plotH} stroke="var(--color-border)" />
      <line x1={left} x2={width - 4} y1={4 + plotH} y2={4 + plotH} stroke="var(--color-border)" />
    </svg>
  )
}
