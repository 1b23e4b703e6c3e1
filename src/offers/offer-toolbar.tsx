import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { offerQueries } from '../api/queries'
import { Button } from '../ui/button'
import { CheckboxField } from '../ui/checkbox-field'
import { inputClass } from '../ui/field'
import { cn } from '../ui/cn'
import { SelectField, type SelectOption } from '../ui/select-field'
import { FALLBACK_GPU_MODELS, matchGpuModel } from './gpu-models'
import {
  DEFAULT_FILTERS,
  LIMIT_OPTIONS,
  NUM_GPU_OPTIONS,
  OFFER_TYPES,
  sameFilters,
  SORT_KEYS,
  SORT_LABELS,
  TYPE_LABELS,
  type OfferFilters,
} from './offer-filters'

const NUM_GPU_SELECT: readonly SelectOption[] = [
  { value: '', label: 'Any' },
  ...NUM_GPU_OPTIONS.map((n) => ({ value: String(n), label: String(n) })),
]
const SORT_SELECT: readonly SelectOption[] = SORT_KEYS.map((key) => ({
  value: key,
  label: SORT_LABELS[key],
}))
const TYPE_SELECT: readonly SelectOption[] = OFFER_TYPES.map((type) => ({
  value: type,
  label: TYPE_LABELS[type],
}))
const LIMIT_SELECT: readonly SelectOption[] = LIMIT_OPTIONS.map((n) => ({
  value: String(n),
  label: String(n),
}))

export interface OfferToolbarProps {
  filters: OfferFilters
  onChange: (patch: Partial<OfferFilters>) => void
  onReset: () => void
  /** Apply pending changes without waiting for the debounce. */
  onApplyNow: () => void
}

/** The server-side filters: every change becomes a new offer search (debounced by the caller). */
export function OfferToolbar({ filters, onChange, onReset, onApplyNow }: OfferToolbarProps) {
  const isDefault = sameFilters(filters, DEFAULT_FILTERS)
  return (
    <form
      role="search"
      aria-label="Offer filters"
      className="flex flex-wrap items-end gap-x-4 gap-y-3 rounded-lg border border-slate-200 bg-slate-50 px-3 py-3"
      onSubmit={(event) => {
        event.preventDefault()
        onApplyNow()
      }}
    >
      <GpuModelInput value={filters.gpuModel} onChange={(gpuModel) => onChange({ gpuModel })} />
      <SelectField
        label="Number of GPUs"
        options={NUM_GPU_SELECT}
        value={filters.numGpus === null ? '' : String(filters.numGpus)}
        onChange={(event) =>
          onChange({ numGpus: event.target.value === '' ? null : Number(event.target.value) })
        }
      />
      <SelectField
        label="Pricing"
        options={TYPE_SELECT}
        value={filters.type}
        onChange={(event) => {
          const type = OFFER_TYPES.find((t) => t === event.target.value)
          if (type) onChange({ type })
        }}
      />
      <SelectField
        label="Sort by"
        options={SORT_SELECT}
        value={filters.sort}
        onChange={(event) => {
          const sort = SORT_KEYS.find((key) => key === event.target.value)
          if (sort) onChange({ sort })
        }}
      />
      <SelectField
        label="Results"
        options={LIMIT_SELECT}
        value={String(filters.limit)}
        onChange={(event) => onChange({ limit: Number(event.target.value) })}
      />
      <div className="flex flex-col gap-1.5 pb-0.5">
        <CheckboxField
          label="Verified only"
          checked={filters.verified}
          onChange={(event) => onChange({ verified: event.target.checked })}
        />
        <CheckboxField
          label="Direct ports only"
          checked={filters.directPorts}
          onChange={(event) => onChange({ directPorts: event.target.checked })}
        />
      </div>
      <Button size="sm" variant="ghost" className="ml-auto" disabled={isDefault} onClick={onReset}>
        Reset filters
      </Button>
    </form>
  )
}

/**
 * A text field with suggestions (<input list> + <datalist>): the live GPU names when Vast gives
 * them, a built-in list otherwise. Any text is accepted, so new models need no app update.
 */
function GpuModelInput({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const id = useId()
  const listId = `${id}-list`
  const hintId = `${id}-hint`
  const names = useQuery(offerQueries.gpuNames())
  const suggestions = names.data && names.data.length > 0 ? names.data : FALLBACK_GPU_MODELS
  return (
    <div className="flex w-52 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        GPU model
      </label>
      <input
        id={id}
        type="text"
        list={listId}
        value={value}
        placeholder="Any model"
        autoComplete="off"
        spellCheck={false}
        aria-describedby={hintId}
        className={cn(inputClass, 'placeholder:text-slate-500')}
        onChange={(event) => onChange(event.target.value)}
        onBlur={() => {
          const known = matchGpuModel(value, suggestions)
          if (known && known !== value) onChange(known)
        }}
      />
      <datalist id={listId}>
        {suggestions.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <span id={hintId} className="sr-only">
        Exact name as Vast spells it, for example H100 SXM. Leave empty for any model.
      </span>
    </div>
  )
}
