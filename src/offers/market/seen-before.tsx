import type { SeenFacts } from '../../domain/market/machine-memory'
import { formatDuration, formatPrice } from '../../domain/format'

const TREND_WORDS = {
  up: 'reliability rising',
  down: 'reliability falling',
  steady: 'reliability steady',
} as const

/** Minutes and seconds for a boot ("2 min 30 s"): boots are short, hours rarely matter. */
export function formatBoot(seconds: number): string {
  if (seconds >= 3600) return formatDuration(seconds)
  const m = Math.floor(seconds / 60)
  const s = Math.round(seconds % 60)
  return m === 0 ? `${s} s` : s === 0 ? `${m} min` : `${m} min ${s} s`
}

/** The offer table's "Seen before" cell: what this browser remembers of the machine. */
export function SeenBefore({ facts }: { facts: SeenFacts | null | undefined }) {
  if (!facts) return <span className="text-muted">—</span>
  const lines = [
    facts.usualPrice !== null &&
      `usually ${formatPrice(facts.usualPrice)}/hr (${facts.sightings} seen)`,
    facts.reliabilityTrend && TREND_WORDS[facts.reliabilityTrend],
    facts.lastBootSeconds !== null && `booted in ${formatBoot(facts.lastBootSeconds)} here`,
  ].filter((line): line is string => typeof line === 'string')
  return (
    <span className="flex flex-col text-xs leading-tight whitespace-nowrap text-text-soft">
      {lines.map((line) => (
        <span key={line}>{line}</span>
      ))}
    </span>
  )
}
