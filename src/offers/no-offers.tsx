import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from '../ui/button'
import { explainEmpty, relaxedFilters } from './filters/explain-empty'
import { type OfferFilters } from './filters/offer-filters'
import { broaderLoadedRows, offerSearchOptions } from './offer-search'

/** An empty result that says which filter emptied it. */
export function NoOffers({
  filters,
  onResetFilters,
}: {
  filters: OfferFilters
  onResetFilters: () => void
}) {
  const client = useQueryClient()
  // Rows already loaded by a broader search answer first; otherwise one relaxed search.
  const [loaded] = useState(() => broaderLoadedRows(client, filters))
  const sample = useQuery({
    ...offerSearchOptions(client, relaxedFilters(filters)),
    enabled: loaded === null,
  })
  const rows = loaded ?? sample.data?.offers
  const explanation = rows ? explainEmpty(rows, filters) : null
  const culprit = explanation?.culprit
  return (
    <div className="rounded-lg border border-dashed border-border-strong bg-surface px-4 py-8 text-center">
      <p className="font-medium text-text">No offers match these filters</p>
      <p role="status" className="mt-1 text-sm text-text-soft">
        {!explanation
          ? sample.isError
            ? 'Could not check which filter emptied the list.'
            : 'Checking which filter emptied the list…'
          : !culprit
            ? 'Vast has no offers of this kind right now.'
            : culprit.without > 0
              ? `“${culprit.text}” emptied the list: without it, ${culprit.without} of ${explanation.sample} sampled offers would match.`
              : `No single filter is to blame: “${culprit.text}” alone keeps ${culprit.alone} of ${explanation.sample} sampled offers.`}
      </p>
      <Button size="sm" className="mt-3" onClick={onResetFilters}>
        Use default filters
      </Button>
    </div>
  )
}
