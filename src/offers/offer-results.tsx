import { ChartScatter, CircleAlert, Columns3 } from 'lucide-react'
import { lazy, Suspense, useCallback, useDeferredValue, useMemo, useState } from 'react'
import type { Offer } from '../api/offers/schemas'
import { Button } from '../ui/button'
import { CheckboxField } from '../ui/checkbox-field'
import { Field } from '../ui/field'
import { EmptyState } from '../ui/empty-state'
import { PanelSkeleton } from '../ui/skeleton'
import { ToolbarPopover } from '../ui/toolbar-popover'
import { CompareDialog } from './compare-dialog'
import { PriceHistoryPanel } from './history/price-history-panel'
import { usePriceHistory } from './history/price-history-store'
import { factsFor, useMarketMemory } from './market/market-memory-store'
import { cheaperThanPercent, perGpuHour, seenPrices } from './history/price-stats'
import { DEFAULT_JOB_PLAN, type JobPlan } from '../domain/money/job-cost'
import { offerColumns } from './table/offer-columns'
import { MAX_COMPARE } from './table/offer-table-features'
import { filterBreaks, toBundlesQuery } from './filters/filter-criteria'
import type { OfferFilters } from './filters/offer-filters'
import { createQuickFilter } from './table/quick-filter'
import { type OfferSearch } from './offer-search'
import { useColumnVisibility } from './table/column-visibility'
import { OfferTable } from './table/offer-table'
import { OfferCards } from './table/offer-cards'
import { PHONE_QUERY, useMediaQuery } from '../ui/use-media-query'
import { JobPlanInputs } from './job-plan-inputs'
import { NoOffers } from './no-offers'

const OfferScatter = lazy(() =>
  import('./offer-scatter').then((module) => ({ default: module.OfferScatter })),
)

/** The chooser lists every column but the actions. */
const CHOOSABLE = offerColumns.flatMap((column) =>
  column.id && column.id !== 'actions'
    ? [
        {
          id: column.id,
          label:
            column.meta?.label ?? (typeof column.header === 'string' ? column.header : column.id),
        },
      ]
    : [],
)

export interface OfferResultsProps {
  data: OfferSearch | undefined
  error: Error | null
  isFetching: boolean
  /** The rows shown belong to the previous filters while the new search runs. */
  isPlaceholderData: boolean
  /** Seconds until a throttled (429) search is retried, or null. */
  throttledFor: number | null
  bid: boolean
  onRetry: () => void
  onRent: (offer: Offer) => void
  onResetFilters: () => void
  onChangeFilters?: (patch: Partial<OfferFilters>) => void
}

/**
 * The search result in its states. Data comes first: with rows on screen, a failed refresh is a
 * quiet notice; the error screen is only for a search with nothing to show; the spinner is last.
 */
export function OfferResults({
  data,
  error,
  isFetching,
  isPlaceholderData,
  throttledFor,
  bid,
  onRetry,
  onRent,
  onResetFilters,
  onChangeFilters,
}: OfferResultsProps) {
  const throttle = throttledFor !== null && (
    <p role="status" className="rounded bg-warning-soft px-3 py-1.5 text-sm text-warning-text">
      Throttled by Vast, retrying in {throttledFor} s
    </p>
  )
  if (data) {
    const count = data.offers.length
    return (
      <section aria-label="Search results" className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <p aria-live="polite" className="font-medium text-text">
            {count === 1 ? '1 offer' : `${count} offers`}
            {count > 0 && !data.complete && (
              <span className="font-normal text-muted"> shown, more match</span>
            )}
            {isFetching && throttledFor === null && (
              <span className="ml-2 font-normal text-muted">
                {isPlaceholderData ? 'Searching…' : 'Refreshing…'}
              </span>
            )}
            {data.local && !isFetching && (
              <span className="ml-2 font-normal text-muted">
                (narrowed from loaded results, no request)
              </span>
            )}
          </p>
          {count > 0 && !data.complete && (
            <p className="text-xs text-muted">
              The first {data.filters.limit} by the chosen order; Vast does not say how many match.
              Narrow the filters, or raise “Results” under More filters.
            </p>
          )}
          {data.dropped > 0 && (
            <p className="rounded bg-warning-soft px-2 py-0.5 text-warning-text">
              <span aria-hidden="true">⚠ </span>
              {data.dropped === 1
                ? '1 offer could not be read and is hidden'
                : `${data.dropped} offers could not be read and are hidden`}
            </p>
          )}
        </div>
        {throttle}
        {error && !isFetching && (
          <div className="flex flex-wrap items-center gap-2 rounded border border-border bg-surface-muted px-3 py-1.5 text-sm text-text-soft">
            <span>
              Couldn&apos;t refresh the offers ({error.message}). Showing the last results.
            </span>
            <Button size="sm" variant="ghost" onClick={onRetry}>
              Retry
            </Button>
          </div>
        )}
        <FilterBreaks offers={data.offers} filters={data.filters} />
        {count === 0 ? (
          <NoOffers
            key={JSON.stringify(toBundlesQuery(data.filters))}
            filters={data.filters}
            onResetFilters={onResetFilters}
            onChangeFilters={onChangeFilters}
          />
        ) : (
          <LoadedOffers offers={data.offers} type={data.filters.type} bid={bid} onRent={onRent} />
        )}
      </section>
    )
  }
  if (throttle) return throttle
  if (error) {
    return (
      <div
        role="alert"
        className="flex flex-col items-start gap-2 rounded-lg border border-danger-border bg-danger-soft p-4 text-sm"
      >
        <p className="flex items-center gap-2 font-medium text-danger-text">
          <CircleAlert aria-hidden="true" className="size-4" />
          Could not load offers
        </p>
        <p className="text-danger-text">{error.message}</p>
        <Button size="sm" onClick={onRetry}>
          Retry
        </Button>
      </div>
    )
  }
  return <PanelSkeleton label="Loading offers…" rows={8} />
}

/** The table with its tools: quick filter, columns, job cost, compare and the chart. */
function LoadedOffers({
  offers,
  type,
  bid,
  onRent,
}: {
  offers: Offer[]
  /** Pricing type of the search: prices are compared with history of the same type. */
  type: string
  bid: boolean
  onRent: (offer: Offer) => void
}) {
  const history = usePriceHistory()
  const priceSeen = useMemo(() => {
    const pools = new Map<string, number[]>()
    for (const offer of offers)
      if (!pools.has(offer.gpu_name))
        pools.set(offer.gpu_name, seenPrices(history, offer.gpu_name, type))
    return (offer: Offer) => cheaperThanPercent(perGpuHour(offer), pools.get(offer.gpu_name) ?? [])
  }, [history, offers, type])
  const memory = useMarketMemory()
  const seenFacts = useCallback((offer: Offer) => factsFor(memory, offer.machine_id), [memory])
  const [text, setText] = useState('')
  const deferredText = useDeferredValue(text)
  // Haystacks once per result; each keystroke only matches them (deferred: typing stays fluid).
  const filterIndex = useMemo(() => createQuickFilter(offers), [offers])
  const matches = useMemo(() => filterIndex.match(deferredText), [filterIndex, deferredText])
  const shownCount = matches ? matches.length : offers.length
  const [columnVisibility, setColumnVisibility] = useColumnVisibility()
  const [plan, setPlan] = useState<JobPlan>(DEFAULT_JOB_PLAN)
  const [comparedIds, setComparedIds] = useState<number[]>([])
  const [comparing, setComparing] = useState(false)
  const [chartOpen, setChartOpen] = useState(false)
  const [hoverId, setHoverId] = useState<number | null>(null)
  const phone = useMediaQuery(PHONE_QUERY)
  // The matching offers as a list, only where one is drawn from them (the chart, the phone's
  // cards); the table takes the match indices directly.
  const shown = useMemo(
    () =>
      (!chartOpen && !phone) || !matches
        ? offers
        : Array.from(matches, (i) => offers[i]).filter((o): o is Offer => o !== undefined),
    [chartOpen, phone, matches, offers],
  )
  const [revealId, setRevealId] = useState<number | null>(null)

  // Offers that left the list (a new search) leave the comparison too.
  const compared = useMemo(
    () => new Set(comparedIds.filter((id) => offers.some((o) => o.id === id))),
    [comparedIds, offers],
  )
  const toggleCompare = useCallback((offer: Offer) => {
    setComparedIds((ids) =>
      ids.includes(offer.id)
        ? ids.filter((id) => id !== offer.id)
        : ids.length >= MAX_COMPARE
          ? ids
          : [...ids, offer.id],
    )
  }, [])
  const pickFromChart = useCallback(
    (offer: Offer) => {
      setRevealId(offer.id)
      toggleCompare(offer)
    },
    [toggleCompare],
  )

  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <Field
          label="Filter offers"
          labelHidden
          type="search"
          value={text}
          placeholder="Filter loaded offers: GPU, country, CPU, id…"
          autoComplete="off"
          className="w-full sm:w-72"
          hint={
            deferredText.trim()
              ? `${shownCount} of ${offers.length} loaded offers match`
              : undefined
          }
          onChange={(event) => setText(event.target.value)}
        />
        {!phone && (
          <ToolbarPopover
            summary={
              <>
                <Columns3 aria-hidden="true" className="size-4" />
                Columns
              </>
            }
          >
            <fieldset className="flex w-52 flex-col gap-1">
              <legend className="sr-only">Visible columns</legend>
              {CHOOSABLE.map(({ id, label }) => (
                <CheckboxField
                  key={id}
                  label={label}
                  checked={columnVisibility[id] !== false}
                  onChange={(event) =>
                    setColumnVisibility({ ...columnVisibility, [id]: event.target.checked })
                  }
                />
              ))}
            </fieldset>
          </ToolbarPopover>
        )}
        <JobPlanInputs plan={plan} onChange={setPlan} />
        {!phone && (
          <>
            <Button
              size="sm"
              disabled={compared.size < 2}
              onClick={() => setComparing(true)}
              aria-describedby="compare-hint"
            >
              Compare ({compared.size})
            </Button>
            <span id="compare-hint" className="sr-only">
              Tick up to {MAX_COMPARE} offers in the table to compare them side by side.
            </span>
            <Button
              size="sm"
              variant="ghost"
              aria-pressed={chartOpen}
              onClick={() => setChartOpen((open) => !open)}
            >
              <ChartScatter aria-hidden="true" className="size-4" />
              {chartOpen ? 'Hide price/performance chart' : 'Show price/performance chart'}
            </Button>
          </>
        )}
        <div className="sm:ml-auto">
          <PriceHistoryPanel offers={offers} type={type} />
        </div>
      </div>
      {chartOpen && (
        <Suspense fallback={<PanelSkeleton label="Loading chart…" rows={3} />}>
          <OfferScatter
            offers={shown}
            highlightId={hoverId}
            compared={compared}
            onHover={setHoverId}
            onPick={pickFromChart}
          />
        </Suspense>
      )}
      {shownCount === 0 ? (
        <EmptyState title={`No loaded offer matches “${deferredText}”.`}>
          The filter reads only the offers loaded; clear it, or search Vast with the filters above.
        </EmptyState>
      ) : phone ? (
        <OfferCards offers={shown} bid={bid} onRent={onRent} />
      ) : (
        <OfferTable
          offers={offers}
          matches={matches}
          bid={bid}
          onRent={onRent}
          plan={plan}
          columnVisibility={columnVisibility}
          compared={compared}
          onToggleCompare={toggleCompare}
          highlightId={hoverId}
          revealId={revealId}
          onHoverOffer={chartOpen ? setHoverId : undefined}
          priceSeen={priceSeen}
          seenFacts={seenFacts}
        />
      )}
      {comparing && (
        <CompareDialog
          offers={offers.filter((offer) => compared.has(offer.id))}
          plan={plan}
          onClose={() => setComparing(false)}
          onRent={(offer) => {
            setComparing(false)
            onRent(offer)
          }}
        />
      )}
    </>
  )
}

/**
 * Rows Vast returned although they break an active filter (its search has known filter bugs):
 * listed with the reason, never shown as if they matched.
 */
function FilterBreaks({ offers, filters }: { offers: readonly Offer[]; filters: OfferFilters }) {
  const breaking = offers.flatMap((offer) => {
    const reasons = filterBreaks(offer, filters)
    return reasons.length > 0 ? [{ offer, reasons }] : []
  })
  if (breaking.length === 0) return null
  const title = `${breaking.length === 1 ? '1 row' : `${breaking.length} rows`} Vast returned break your filters`
  return (
    <section
      aria-label={title}
      className="rounded border border-warning-border bg-warning-soft px-3 py-2 text-sm text-warning-text"
    >
      <p className="font-medium">
        <span aria-hidden="true">⚠ </span>
        {title} (its search does not always apply every filter); they are marked here:
      </p>
      <ul className="mt-1 list-disc pl-5">
        {breaking.map(({ offer, reasons }) => (
          <li key={offer.id}>
            offer {offer.id} ({offer.num_gpus ?? '?'}× {offer.gpu_name ?? 'GPU'}) breaks{' '}
            {reasons.join('; ')}
          </li>
        ))}
      </ul>
    </section>
  )
}
