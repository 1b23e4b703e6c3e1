import {
  bucketMean,
  cheapestHours,
  type Bucket,
  type ModelMemory,
} from '../../domain/market/machine-memory'
import { formatPrice } from '../../domain/format'

export const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`

const CHEAP = 'var(--color-chart-bandwidth)'
const OTHER = 'var(--color-chart-cursor)'

/**
 * Bars of the mean $/GPU-hour per bucket (lower is better; empty buckets have no bar), scaled
 * from the lowest mean seen (a sliver) to the highest (full height); `best` are drawn apart.
 * With `ticks`, the labels of every `tickEvery`th bucket run under the bars.
 */
export function BucketBars({
  buckets,
  best,
  label,
  width,
  height,
  ticks,
  tickEvery = 1,
}: {
  buckets: readonly Bucket[]
  best: readonly number[]
  label: string
  width: number
  height: number
  ticks?: readonly string[]
  tickEvery?: number
}) {
  const means = buckets.map((bucket) => bucketMean(bucket))
  const seen = means.filter((m): m is number => m !== null)
  const max = Math.max(...seen)
  const min = Math.min(...seen)
  const axis = ticks ? 14 : 0
  const plot = height - axis
  const bar = width / buckets.length
  const barHeight = (mean: number) => 2 + ((mean - min) / (max - min || 1)) * (plot - 2)
  return (
    <svg width={width} height={height} role="img" aria-label={label}>
      {means.map((mean, i) =>
        mean === null ? null : (
          <rect
            key={i}
            x={i * bar + 0.5}
            width={bar - 1}
            y={plot - barHeight(mean)}
            height={barHeight(mean)}
            fill={best.includes(i) ? CHEAP : OTHER}
          />
        ),
      )}
      {ticks?.map((tick, i) =>
        i % tickEvery === 0 ? (
          <text
            key={tick}
            x={i * bar + bar / 2}
            y={height - 2}
            textAnchor="middle"
            className="fill-current text-[10px] text-muted"
          >
            {tick}
          </text>
        ) : null,
      )}
    </svg>
  )
}

/** "05:00 ($0.412), 04:00 ($0.415)": the cheapest hours with their mean price. */
export function cheapestSummary(memory: ModelMemory): string {
  return cheapestHours(memory)
    .map((hour) => `${hourLabel(hour)} (${formatPrice(bucketMean(memory.byHour[hour]) ?? 0)})`)
    .join(', ')
}

/**
 * "Cheapest hours to rent" for one GPU model, small: a 24-bar chart of the mean $/GPU-hour seen
 * at each local hour, named by its three cheapest hours.
 */
export function CheapestHours({ memory }: { memory: ModelMemory | undefined }) {
  const best = memory ? cheapestHours(memory) : []
  if (!memory || best.length === 0) return <span className="text-muted">—</span>
  return (
    <span className="flex items-center gap-2">
      <BucketBars
        buckets={memory.byHour}
        best={best}
        label={`${memory.model} cheapest hours: ${cheapestSummary(memory)}`}
        width={96}
        height={24}
      />
      <span className="whitespace-nowrap text-text-soft">{best.map(hourLabel).join(', ')}</span>
    </span>
  )
}
