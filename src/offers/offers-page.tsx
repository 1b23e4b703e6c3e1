import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useRef, useState } from 'react'
import { useRestoredAt, useRestoredUnder } from '../api/device-cache'
import { offerQueries } from '../api/offers/queries'
import type { Offer } from '../api/offers/schemas'
import { SavedAnswerNotice } from '../ui/saved-answer-notice'
import { OfferResults } from './offer-results'
import { offerSearchKey, offerSearchOptions, useThrottleCountdown } from './offer-search'
import { RentWaitContext, SAVED_OFFERS_REASON } from './rent-wait'
import { OfferToolbar } from './filters/offer-toolbar'
import { SearchActions } from './filters/search-actions'
import { loadHistory, recordSearch } from './history/price-history-store'
import { loadMemory, recordOffers } from './market/market-memory-store'
import { WatchesPanel } from './market/watches-panel'
import { closeModelPage, useModelParam } from './market/model-param'
import { filtersOf } from './filters/saved-searches'
import { RentDialog } from './rent/rent-dialog'
import { TemplateNotice } from './templates/template-notice'
import { useOfferFilters } from './filters/use-offer-filters'

// A GPU model's page (charts) is its own chunk: most visits never open one.
const ModelPage = lazy(() =>
  import('./market/model-page').then((module) => ({ default: module.ModelPage })),
)

/** The offer the user is renting: a UI choice (the offer itself stays in the query cache). */
interface RentChoice {
  offerId: number
  bid: boolean
}

export interface OffersPageProps {
  /** Called once with the new instance id after a successful rental. */
  onRented: (instanceId: number) => void
}

/** Find and rent: filters (in the URL), the offer table and the rent dialog. */
export function OffersPage({ onRented }: OffersPageProps) {
  const { filters, appliedFilters, changeFilters, resetFilters, replaceFilters, applyNow } =
    useOfferFilters()
  const client = useQueryClient()
  const search = useQuery({
    ...offerSearchOptions(client, appliedFilters),
    placeholderData: keepPreviousData,
  })
  const throttledFor = useThrottleCountdown(appliedFilters, search.isFetching)
  // The results render in the background when an answer lands (React splits that work into
  // short slices), so the page stays responsive while a hundred offers are laid out.
  const shownData = useDeferredValue(search.data)
  // Offers kept on the device from an earlier visit are shown "as of" their time, and nothing is
  // rented from them until Vast answers (also while they stand in for the next search's answer).
  const savedAt = useRestoredAt(offerSearchKey(appliedFilters))
  const anySavedAt = useRestoredUnder([...offerQueries.all(), 'search'])
  const shownSavedAt = savedAt ?? (search.isPlaceholderData ? anySavedAt : null)

  // Each server answer goes into the local price history and the market memory (answers
  // narrowed locally are not new).
  useEffect(() => {
    void loadHistory()
    void loadMemory()
  }, [])
  const answer = search.isPlaceholderData || savedAt !== null ? undefined : search.data
  useEffect(() => {
    if (!answer || answer.local) return
    recordSearch(answer, answer.offers, answer.filters.type)
    recordOffers(answer, answer.offers, answer.filters.type)
  }, [answer])
  const [choice, setChoice] = useState<RentChoice | null>(null)
  const model = useModelParam()
  const bid = appliedFilters.type === 'bid'

  /** The row's Rent button, to take focus back when the dialog goes away. */
  const returnFocus = useRef<HTMLElement | null>(null)

  // Stable, so the memoized table does not re-render while the user types in the filters.
  const startRent = useCallback(
    (offer: Offer) => {
      returnFocus.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null
      setChoice({ offerId: offer.id, bid })
    },
    [bid],
  )

  // The dialog unmounts instead of closing, so the browser does not restore focus by itself.
  useEffect(() => {
    if (choice !== null) return
    if (returnFocus.current?.isConnected) returnFocus.current.focus()
    returnFocus.current = null
  }, [choice])

  return (
    <RentWaitContext value={shownSavedAt === null ? null : SAVED_OFFERS_REASON}>
      <div className="flex flex-col gap-3">
        <h1 className="sr-only">GPU offers</h1>
        <TemplateNotice />
        <OfferToolbar
          filters={filters}
          onChange={changeFilters}
          onReset={resetFilters}
          onApplyNow={applyNow}
          actions={<SearchActions filters={filters} onLoad={replaceFilters} />}
        />
        {shownSavedAt !== null && (
          <SavedAnswerNotice at={shownSavedAt}>Renting waits for current offers.</SavedAnswerNotice>
        )}
        <OfferResults
          data={shownData}
          error={search.error}
          isFetching={search.isFetching}
          isPlaceholderData={search.isPlaceholderData}
          throttledFor={throttledFor}
          bid={bid}
          onRetry={() => void search.refetch()}
          onRent={startRent}
          onResetFilters={resetFilters}
          onChangeFilters={changeFilters}
        />
        {/* Below the results, once they are in: the first offers stay within the first screen,
            and the results' arrival does not push it down. */}
        {(shownData !== undefined || search.isError) && (
          <WatchesPanel
            onRent={(alert) => {
              const saved = filtersOf(alert)
              replaceFilters(saved)
              setChoice({ offerId: alert.offerId, bid: saved.type === 'bid' })
            }}
          />
        )}
        {model && (
          <Suspense fallback={null}>
            <ModelPage model={model} type={appliedFilters.type} onClose={closeModelPage} />
          </Suspense>
        )}
        {choice && (
          <RentDialog
            key={choice.offerId}
            offerId={choice.offerId}
            offer={search.data?.offers.find((offer) => offer.id === choice.offerId)}
            bid={choice.bid}
            search={appliedFilters}
            onClose={() => setChoice(null)}
            onRented={onRented}
          />
        )}
      </div>
    </RentWaitContext>
  )
}
