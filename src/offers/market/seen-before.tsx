import type { SeenFacts } from '../../domain/market/machine-memory'
import { bootDuration } from '../../domain/market/boot-fallback'
import { formatPrice } from '../../domain/format'

const TREND_WORDS = {
  up: 'reliability rising',
  down: 'reliability falling',
  steady: 'reliability steady',
} as const

/** The offer table's "Seen before" cell: what this browser remembers of the machine. */
export function SeenBefore({ facts }: { facts: SeenFacts | null | undefined }) {
  if (!facts) return <span className="text-muted">—</span>
  const lines = [
    facts.usualPrice !== null &&
      `usually ${formatPrice(facts.usualPrice)}/hr (${facts.sightings} seen)`,
    facts.reliabilityTrend && TREND_WORDS[facts.reliabilityTrend],
    facts.lastBootSeconds !== null && `booted in ${bootDuration(facts.lastBootSeconds)} here`,
  ].filter((line): line is string => typeof line === 'string')
  return (
    <span className="flex flex-col text-xs leading-tight whitespace-nowrap text-text-soft">
      {lines.map((line) => (
        <span key={line}>{line}</span>
      ))}
    </span>
  )
}
