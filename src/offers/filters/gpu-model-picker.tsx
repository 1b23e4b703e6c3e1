import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { offerQueries } from '../../api/offers/queries'
import { inputClass } from '../../ui/field'
import { cn } from '../../ui/cn'
import { FALLBACK_GPU_MODELS, matchGpuModel } from './gpu-models'
import { type OfferFilters } from './offer-filters'
import { parseGpuModel } from './filter-url'

/**
 * Several GPU models: chips for the chosen ones, and a text field with suggestions (the live GPU
 * names when Vast gives them, a built-in list otherwise). Typed text is searched at once; Enter
 * (or leaving the field on a known name) turns it into a chip so another can be added.
 */
export function GpuModelPicker({
  filters,
  onChange,
  onApplyNow,
}: {
  filters: OfferFilters
  onChange: (patch: Partial<OfferFilters>) => void
  onApplyNow: () => void
}) {
  const id = useId()
  const listId = `${id}-list`
  const hintId = `${id}-hint`
  const names = useQuery(offerQueries.gpuNames())
  const suggestions = names.data && names.data.length > 0 ? names.data : FALLBACK_GPU_MODELS
  const commit = (text: string) => {
    const model = parseGpuModel(matchGpuModel(text, suggestions) ?? text)
    if (!model) return false
    onChange({
      gpuModels: filters.gpuModels.includes(model)
        ? filters.gpuModels
        : [...filters.gpuModels, model],
      gpuDraft: '',
    })
    return true
  }
  return (
    <div className="flex w-56 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-text-soft">
        GPU model
      </label>
      {filters.gpuModels.length > 0 && (
        <ul aria-label="Chosen GPU models" className="flex flex-wrap gap-1">
          {filters.gpuModels.map((model) => (
            <li key={model}>
              <button
                type="button"
                aria-label={`Remove ${model}`}
                className="rounded bg-accent-soft px-1.5 py-0.5 text-xs text-accent-text hover:bg-accent-muted focus-visible:outline-2 focus-visible:outline-accent"
                onClick={() =>
                  onChange({ gpuModels: filters.gpuModels.filter((m) => m !== model) })
                }
              >
                {model} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        type="text"
        list={listId}
        value={filters.gpuDraft}
        placeholder={filters.gpuModels.length ? 'Add a model' : 'Any model'}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={hintId}
        data-search=""
        className={cn(inputClass, 'placeholder:text-faint')}
        onChange={(event) => onChange({ gpuDraft: event.target.value })}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return
          event.preventDefault()
          commit(filters.gpuDraft)
          onApplyNow()
        }}
        onBlur={() => {
          if (matchGpuModel(filters.gpuDraft, suggestions)) commit(filters.gpuDraft)
        }}
      />
      <datalist id={listId}>
        {suggestions.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <span id={hintId} className="sr-only">
        Exact name as Vast spells it, for example H100 SXM. Press Enter to add another model. Leave
        empty for any model.
      </span>
    </div>
  )
}
