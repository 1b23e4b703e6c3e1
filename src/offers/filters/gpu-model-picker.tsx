import { useQuery } from '@tanstack/react-query'
import { useId, useMemo } from 'react'
import { offerQueries } from '../../api/offers/queries'
import { Combobox } from '../../ui/combobox'
import { denseLabelClass } from '../../ui/field'
import { FALLBACK_GPU_MODELS, matchGpuModel, suggestGpuModels } from './gpu-models'
import { type OfferFilters } from './offer-filters'
import { parseGpuModel } from './filter-url'

/**
 * Several GPU models: chips for the chosen ones, and a combobox (ARIA 1.2 pattern) suggesting
 * known names that contain what was typed ("4090" → RTX 4090, RTX 4090D), from the live GPU names
 * when Vast gives them, a built-in list otherwise. Arrow keys move through the list, Enter or a
 * tap picks a name, Enter on text with a single match picks that match; Escape closes the list.
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
  const hintId = `${id}-hint`
  const names = useQuery(offerQueries.gpuNames())
  const known = names.data && names.data.length > 0 ? names.data : FALLBACK_GPU_MODELS
  const options = useMemo(
    () =>
      suggestGpuModels(filters.gpuDraft, known)
        .filter((m) => !filters.gpuModels.includes(m))
        .map((name) => ({ key: name })),
    [filters.gpuDraft, filters.gpuModels, known],
  )

  const commit = (text: string) => {
    const model = parseGpuModel(matchGpuModel(text, known) ?? text)
    if (!model) return
    onChange({
      gpuModels: filters.gpuModels.includes(model)
        ? filters.gpuModels
        : [...filters.gpuModels, model],
      gpuDraft: '',
    })
  }
  // Enter with no suggestion active: the exact or only match, else the text as typed.
  const onEnter = (text: string) => {
    const only = options.length === 1 ? options[0]?.key : undefined
    const pick = matchGpuModel(text, known) ?? only
    // Several names match: open the list on the first instead of searching for a fragment.
    if (!pick && text.trim() && options.length > 1) return 'open'
    commit(pick ?? text)
    onApplyNow()
  }

  return (
    <div className="relative flex w-full flex-col gap-1 sm:w-56">
      <label htmlFor={id} className={denseLabelClass}>
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
      <Combobox
        id={id}
        listLabel="GPU models"
        value={filters.gpuDraft}
        options={options}
        renderOption={(option) => option.key}
        placeholder={filters.gpuModels.length ? 'Add a model' : 'Any model, e.g. 4090'}
        aria-describedby={hintId}
        data-search=""
        onValueChange={(gpuDraft) => onChange({ gpuDraft })}
        onPick={(option) => {
          commit(option.key)
          onApplyNow()
        }}
        onEnter={onEnter}
        onBlur={() => {
          if (matchGpuModel(filters.gpuDraft, known)) commit(filters.gpuDraft)
        }}
      />
      <span id={hintId} className="sr-only">
        Type part of a name, for example 4090, and pick from the list. Press Enter to add another
        model. Leave empty for any model.
      </span>
    </div>
  )
}
