import { useId, useMemo } from 'react'
import { cheapestBuckets, cheapestHours, percentileOf } from '../../domain/market/machine-memory'
import { bootDuration } from '../../domain/market/boot-fallback'
import { Button } from '../../ui/button'
import { Dialog } from '../../ui/dialog'
import { usePriceHistory } from '../history/price-history-store'
import { seriesOf } from '../history/price-stats'
import { BucketBars, cheapestSummary, hourLabel } from './cheapest-hours'
import { useMarketMemory } from './market-memory-store'
import { PriceOverTime } from './price-over-time'

const HOURS = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'))
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

/**
 * One GPU model's page, from what this browser saw: its $/GPU-hour over time (every search kept)
 * and the cheapest hours and weekdays to rent it (the market memory's buckets), with the machines
 * and boots remembered. A dialog over the offers, in the URL as `?model=…`.
 */
export function ModelPage({
  model,
  type,
  onClose,
}: {
  model: string
  /** Pricing type of the search: prices are only compared within one. */
  type: string
  onClose: () => void
}) {
  const snapshots = usePriceHistory()
  const memory = useMarketMemory()
  const points = useMemo(() => seriesOf(snapshots, model, type), [snapshots, model, type])
  const buckets = memory.models.get(`${type}|${model}`)
  const machines = useMemo(
    () => [...memory.machines.values()].filter((m) => m.model === model).length,
    [memory.machines, model],
  )
  const boots = memory.boots.filter((b) => b.model === model).map((b) => b.seconds)
  const usualBoot = percentileOf(boots, 50)
  const bestHours = buckets ? cheapestHours(buckets) : []
  const bestDays = buckets ? cheapestBuckets(buckets.byWeekday, 2) : []
  const priceId = useId()
  const hoursId = useId()
  return (
    <Dialog open title={`${model}: price history`} onClose={onClose} className="max-w-2xl">
      <p className="mb-3 text-sm text-text-soft">
        What this browser saw of {model} ({type}) in its searches: {points.length}{' '}
        {points.length === 1 ? 'search' : 'searches'} kept, {machines}{' '}
        {machines === 1 ? 'machine' : 'machines'} remembered
        {usualBoot === null
          ? ', no boot measured here yet'
          : `, ${boots.length} ${boots.length === 1 ? 'boot' : 'boots'} measured (usually ${bootDuration(Math.round(usualBoot))})`}
        .
      </p>
      <section aria-labelledby={priceId} className="mb-4">
        <h3 id={priceId} className="mb-1 text-sm font-semibold">
          Price over time ($/GPU-hour: median, and p10 to p90)
        </h3>
        <PriceOverTime model={model} points={points} />
      </section>
      <section aria-labelledby={hoursId} className="mb-4">
        <h3 id={hoursId} className="mb-1 text-sm font-semibold">
          Cheapest hours to rent (local time, mean $/GPU-hour)
        </h3>
        {buckets && bestHours.length > 0 ? (
          <div className="flex flex-col gap-2">
            <BucketBars
              buckets={buckets.byHour}
              best={bestHours}
              label={`${model} cheapest hours: ${cheapestSummary(buckets)}`}
              width={480}
              height={110}
              ticks={HOURS}
              tickEvery={3}
            />
            <p className="text-sm text-text-soft">
              Cheapest at {bestHours.map(hourLabel).join(', ')}.
            </p>
            <BucketBars
              buckets={buckets.byWeekday}
              best={bestDays}
              label={`${model} cheapest days: ${bestDays.map((d) => WEEKDAYS[d]).join(', ')}`}
              width={210}
              height={70}
              ticks={WEEKDAYS}
            />
          </div>
        ) : (
          <p className="text-sm text-muted">No search of {model} recorded yet.</p>
        )}
      </section>
      <div className="flex justify-end">
        <Button onClick={onClose}>Close</Button>
      </div>
    </Dialog>
  )
}
