import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { SearchX } from 'lucide-react'
import { offerQueries } from '../api/offers/queries'
import { Button } from '../ui/button'
import { closeGpuModels, FALLBACK_GPU_MODELS } from './filters/gpu-models'
import { explainEmpty, relaxedFilters } from './filters/explain-empty'
import { effectiveGpuModels, type OfferFilters } from './filters/offer-filters'
import { broaderLoadedRows, offerSearchOptions } from './offer-search'

/** An empty result that says which filter emptied it. */
export function NoOffers({
  filters,
  onResetFilters,
  onChangeFilters,
}: {
  filters: OfferFilters
  onResetFilters: () => void
  /** Replaces filters (a suggested GPU model name for one Vast does not know). */
  onChangeFilters?: (patch: Partial<OfferFilters>) => void
}) {
  const client = useQueryClient()
  const names = useQuery(offerQueries.gpuNames())
  const known = names.data && names.data.length > 0 ? names.data : FALLBACK_GPU_MODELS
  // A model name Vast does not list (a fragment like "4090"): suggest the names it is close to.
  const unknown = effectiveGpuModels(filters).find((model) => !known.includes(model))
  const closeNames = unknown ? closeGpuModels(unknown, known) : []
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
    <div className="flex flex-col items-center rounded-lg border border-dashed border-border-strong bg-surface px-4 py-8 text-center">
      <SearchX aria-hidden="true" className="mb-2 size-6 text-faint" />
      <p className="font-medium text-text">No offers match these filters</p>
      {unknown && closeNames.length > 0 && onChangeFilters && (
        <div className="mt-2 flex flex-wrap items-center justify-center gap-2 text-sm">
          <span className="text-text-soft">Vast knows no GPU called “{unknown}”. Did you mean</span>
          {closeNames.map((name) => (
            <Button
              key={name}
              size="sm"
              variant="primary"
              onClick={() =>
                onChangeFilters({
                  gpuModels: [...filters.gpuModels.filter((m) => m !== unknown), name],
                  gpuDraft: '',
                })
              }
            >
              {name}
            </Button>
          ))}
        </div>
      )}
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
