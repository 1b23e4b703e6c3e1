import { useQuery } from '@tanstack/react-query'
import { useId, useState, type ReactNode } from 'react'
import { offerQueries } from '../../api/queries'
import { Button } from '../../ui/button'
import { CheckboxField } from '../../ui/checkbox-field'
import { inputClass } from '../../ui/field'
import { cn } from '../../ui/cn'
import { SelectField, type SelectOption } from '../../ui/select-field'
import { FALLBACK_GPU_MODELS, matchGpuModel } from './gpu-models'
import {
  COUNTRY_MODES,
  DEFAULT_FILTERS,
  LIMIT_OPTIONS,
  NUM_GPU_OPTIONS,
  OFFER_TYPES,
  SORT_KEYS,
  SORT_LABELS,
  TYPE_LABELS,
  type NumericFilters,
  type OfferFilters,
  type OfferSearchType,
  type SortKey,
} from './offer-filters'
import { numericLimit, parseAmount, parseCountry, parseGpuModel, sameFilters } from './filter-url'

const NUM_GPU_SELECT: readonly SelectOption[] = [
  { value: '', label: 'Any' },
  ...NUM_GPU_OPTIONS.map((n) => ({ value: String(n), label: String(n) })),
]
const SORT_SELECT: readonly SelectOption<SortKey>[] = SORT_KEYS.map((key) => ({
  value: key,
  label: SORT_LABELS[key],
}))
const TYPE_SELECT: readonly SelectOption<OfferSearchType>[] = OFFER_TYPES.map((type) => ({
  value: type,
  label: TYPE_LABELS[type],
}))
const LIMIT_SELECT: readonly SelectOption[] = LIMIT_OPTIONS.map((n) => ({
  value: String(n),
  label: String(n),
}))
const COUNTRY_MODE_SELECT: readonly SelectOption<(typeof COUNTRY_MODES)[number]>[] =
  COUNTRY_MODES.map((mode) => ({
    value: mode,
    label: mode === 'include' ? 'Only these' : 'All but these',
  }))

export interface OfferToolbarProps {
  filters: OfferFilters
  onChange: (patch: Partial<OfferFilters>) => void
  onReset: () => void
  /** Apply pending changes without waiting for the debounce. */
  onApplyNow: () => void
  /** Extra actions (saved searches, copy as curl/CLI). */
  actions?: ReactNode
}

/** The server-side filters, grouped: every change becomes a new offer search (debounced by the caller). */
export function OfferToolbar({
  filters,
  onChange,
  onReset,
  onApplyNow,
  actions,
}: OfferToolbarProps) {
  const isDefault = sameFilters(filters, DEFAULT_FILTERS)
  const bid = filters.type === 'bid'
  return (
    <form
      role="search"
      aria-label="Offer filters"
      className="flex flex-col gap-3 rounded-lg border border-border bg-surface-muted px-3 py-3"
      onSubmit={(event) => {
        event.preventDefault()
        onApplyNow()
      }}
    >
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-3">
        <Group legend="GPU">
          <GpuModelPicker filters={filters} onChange={onChange} onApplyNow={onApplyNow} />
          <SelectField
            label="Number of GPUs"
            options={NUM_GPU_SELECT}
            value={filters.numGpus === null ? '' : String(filters.numGpus)}
            onChange={(event) =>
              onChange({ numGpus: event.target.value === '' ? null : Number(event.target.value) })
            }
          />
          <NumberFilter label="Min VRAM (GB)" name="minVramGb" {...{ filters, onChange }} />
          <NumberFilter
            label="Min compute capability"
            name="minComputeCap"
            placeholder="e.g. 8.6"
            {...{ filters, onChange }}
          />
          <NumberFilter
            label="Min CUDA"
            name="minCuda"
            placeholder="e.g. 12.4"
            {...{ filters, onChange }}
          />
        </Group>
        <Group legend="Machine">
          <NumberFilter label="Min CPU cores" name="minCpuCores" {...{ filters, onChange }} />
          <NumberFilter label="Min RAM (GB)" name="minRamGb" {...{ filters, onChange }} />
          <NumberFilter label="Min disk (GB)" name="minDiskGb" {...{ filters, onChange }} />
          <NumberFilter
            label="Min disk bandwidth (MB/s)"
            name="minDiskBw"
            {...{ filters, onChange }}
          />
          <NumberFilter label="Min upload (Mbps)" name="minInetUp" {...{ filters, onChange }} />
          <NumberFilter label="Min download (Mbps)" name="minInetDown" {...{ filters, onChange }} />
        </Group>
        <Group legend="Trust">
          <div className="flex flex-col gap-1.5">
            <CheckboxField
              label="Verified only"
              checked={filters.verified}
              onChange={(event) => onChange({ verified: event.target.checked })}
            />
            <CheckboxField
              label="Datacenter only"
              checked={filters.datacenter}
              onChange={(event) => onChange({ datacenter: event.target.checked })}
            />
            <CheckboxField
              label="Static IP only"
              checked={filters.staticIp}
              onChange={(event) => onChange({ staticIp: event.target.checked })}
            />
            <CheckboxField
              label="Direct ports only"
              checked={filters.directPorts}
              onChange={(event) => onChange({ directPorts: event.target.checked })}
            />
          </div>
          <NumberFilter
            label="Min reliability (%)"
            name="minReliability"
            placeholder="e.g. 98"
            {...{ filters, onChange }}
          />
        </Group>
        <Group legend="Price">
          <SelectField
            label="Pricing"
            options={TYPE_SELECT}
            value={filters.type}
            onValueChange={(type) => onChange({ type })}
          />
          <NumberFilter
            label="Max $/hr"
            name="maxPrice"
            placeholder="e.g. 0.50"
            {...{ filters, onChange }}
          />
          {bid && (
            <p className="text-xs text-muted">
              Interruptible rows show each machine&apos;s current minimum bid.
            </p>
          )}
        </Group>
        <Group legend="Location and availability">
          <CountryInput filters={filters} onChange={onChange} />
          <SelectField
            label="Countries filter"
            options={COUNTRY_MODE_SELECT}
            value={filters.countryMode}
            onValueChange={(countryMode) => onChange({ countryMode })}
          />
          <NumberFilter
            label="Min available (days)"
            name="minDurationDays"
            {...{ filters, onChange }}
          />
        </Group>
        <Group legend="Results">
          <SelectField
            label="Sort by"
            options={SORT_SELECT}
            value={filters.sort}
            onValueChange={(sort) => onChange({ sort })}
          />
          <SelectField
            label="Results"
            options={LIMIT_SELECT}
            value={String(filters.limit)}
            onChange={(event) => onChange({ limit: Number(event.target.value) })}
          />
        </Group>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {actions}
        <Button
          size="sm"
          variant="ghost"
          className="ml-auto"
          disabled={isDefault}
          onClick={onReset}
        >
          Reset filters
        </Button>
      </div>
    </form>
  )
}

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-wrap content-start items-end gap-x-3 gap-y-2 rounded-md border border-border bg-surface px-3 pt-1 pb-3">
      <legend className="px-1 text-xs font-semibold tracking-wide text-text-soft uppercase">
        {legend}
      </legend>
      {children}
    </fieldset>
  )
}

interface NumberFilterProps {
  label: string
  name: keyof NumericFilters
  placeholder?: string
  filters: OfferFilters
  onChange: (patch: Partial<OfferFilters>) => void
}

/** A decimal field: empty means any; text that is not a number is flagged and not sent. */
function NumberFilter({ label, name, placeholder = 'Any', filters, onChange }: NumberFilterProps) {
  const id = useId()
  const value = filters[name]
  const max = numericLimit(name)
  const [text, setText] = useState(value === null ? '' : String(value))
  const [shown, setShown] = useState(value)
  // The URL changed (Back, reset, a saved search): show the new value.
  if (shown !== value) {
    setShown(value)
    if (parseAmount(text, max) !== value) setText(value === null ? '' : String(value))
  }
  const invalid = text.trim() !== '' && parseAmount(text, max) === null
  return (
    <div className="flex w-36 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-text-soft">
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        placeholder={placeholder}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        className={cn(inputClass, 'placeholder:text-faint')}
        onChange={(event) => {
          const next = event.target.value
          setText(next)
          const parsed = next.trim() === '' ? null : parseAmount(next, max)
          if (next.trim() === '' || parsed !== null) {
            setShown(parsed)
            onChange({ [name]: parsed })
          }
        }}
      />
      {invalid && (
        <span id={`${id}-error`} className="text-xs text-danger">
          A number up to {max}
        </span>
      )}
    </div>
  )
}

/** Two-letter country codes, comma-separated ("US, CA"). */
function CountryInput({
  filters,
  onChange,
}: {
  filters: OfferFilters
  onChange: (patch: Partial<OfferFilters>) => void
}) {
  const id = useId()
  const joined = filters.countries.join(', ')
  const [text, setText] = useState(joined)
  const [shown, setShown] = useState(joined)
  if (shown !== joined) {
    setShown(joined)
    setText(joined)
  }
  const tokens = text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
  const invalid = tokens.filter((t) => parseCountry(t) === null)
  return (
    <div className="flex w-44 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-text-soft">
        Countries
      </label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder="e.g. US, CA"
        aria-invalid={invalid.length > 0 || undefined}
        aria-describedby={`${id}-hint`}
        className={cn(inputClass, 'placeholder:text-faint')}
        onChange={(event) => {
          const next = event.target.value
          setText(next)
          const codes = next
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean)
          if (codes.every((c) => parseCountry(c) !== null)) {
            const countries = [...new Set(codes.map((c) => c.toUpperCase()))]
            setShown(countries.join(', '))
            onChange({ countries })
          }
        }}
      />
      <span id={`${id}-hint`} className={cn('text-xs', invalid.length ? 'text-danger' : 'sr-only')}>
        {invalid.length
          ? `Not a two-letter country code: ${invalid.join(', ')}`
          : 'Two-letter country codes, separated by commas.'}
      </span>
    </div>
  )
}

/**
 * Several GPU models: chips for the chosen ones, and a text field with suggestions (the live GPU
 * names when Vast gives them, a built-in list otherwise). Typed text is searched at once; Enter
 * (or leaving the field on a known name) turns it into a chip so another can be added.
 */
function GpuModelPicker({
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
