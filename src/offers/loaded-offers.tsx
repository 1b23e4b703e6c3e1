import { ChartScatter, Columns3 } from 'lucide-react'
import { lazy, Suspense, useCallback, useMemo, useState } from 'react'
import type { Offer } from '../api/offers/schemas'
import { Button } from '../ui/button'
import { CheckboxField } from '../ui/checkbox-field'
import { Field } from '../ui/field'
import { EmptyState } from '../ui/empty-state'
import { PanelSkeleton } from '../ui/skeleton'
import { ToolbarPopover } from '../ui/toolbar-popover'
import { PHONE_QUERY, useMediaQuery } from '../ui/use-media-query'
import { DEFAULT_JOB_PLAN, type JobPlan } from '../domain/money/job-cost'
import { CompareDialog } from './compare-dialog'
import { PriceHistoryPanel } from './history/price-history-panel'
import { usePriceHistory } from './history/price-history-store'
import { cheaperThanPercent, perGpuHour, seenPrices } from './history/price-stats'
import { factsFor, useMarketMemory } from './market/market-memory-store'
import { offerColumns } from './table/offer-columns'
import { MAX_COMPARE } from './table/offer-table-features'
import { createQuickFilter } from './table/quick-filter'
import { useColumnVisibility } from './table/column-visibility'
import { OfferTable } from './table/offer-table'
import { OfferCards } from './table/offer-cards'
import { JobPlanInputs } from './job-plan-inputs'

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

/** The table with its tools: quick filter, columns, job cost, compare and the chart. */
export function LoadedOffers({
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
  // Haystacks once per result; each keystroke only matches them and the table re-renders its
  // ~30 visible rows, in the keystroke's own frame (deferring the rows cost a frame: React's
  // background render yields to paint first).
  const filterIndex = useMemo(() => createQuickFilter(offers), [offers])
  const matches = useMemo(() => filterIndex.match(text), [filterIndex, text])
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
          hint={text.trim() ? `${shownCount} of ${offers.length} loaded offers match` : undefined}
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
        <EmptyState title={`No loaded offer matches “${text}”.`}>
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
