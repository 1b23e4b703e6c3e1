import { bucketMean, cheapestHours, type ModelMemory } from '../../domain/market/machine-memory'
import { formatPrice } from '../../domain/format'

const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`

/**
 * "Cheapest hours to rent" for one GPU model: a 24-bar SVG of the mean $/GPU-hour seen at each
 * local hour (lower is better; empty hours have no bar), named by its three cheapest hours.
 */
export function CheapestHours({ memory }: { memory: ModelMemory | undefined }) {
  if (!memory) return <span className="text-muted">—</span>
  const means = memory.byHour.map((bucket) => bucketMean(bucket))
  const seen = means.filter((m): m is number => m !== null)
  const best = cheapestHours(memory)
  if (seen.length === 0 || best.length === 0) return <span className="text-muted">—</span>
  const max = Math.max(...seen)
  const min = Math.min(...seen)
  const w = 96
  const h = 24
  const bar = w / 24
  const summary = best
    .map((hour) => `${hourLabel(hour)} (${formatPrice(means[hour] ?? 0)})`)
    .join(', ')
  return (
    <span className="flex items-center gap-2">
      <svg
        width={w}
        height={h}
        role="img"
        aria-label={`${memory.model} cheapest hours: ${summary}`}
      >
        {means.map((mean, hour) =>
          mean === null ? null : (
            <rect
              key={hour}
              x={hour * bar + 0.5}
              width={bar - 1}
              // Bars scale from the lowest mean seen (a sliver) to the highest (full height).
              y={h - (2 + ((mean - min) / (max - min || 1)) * (h - 2))}
              height={2 + ((mean - min) / (max - min || 1)) * (h - 2)}
              fill={best.includes(hour) ? '#047857' : '#94a3b8'}
            />
          ),
        )}
      </svg>
      <span className="whitespace-nowrap text-text-soft">{best.map(hourLabel).join(', ')}</span>
    </span>
  )
}
