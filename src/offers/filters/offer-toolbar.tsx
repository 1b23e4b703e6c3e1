import { RotateCcw, SlidersHorizontal } from 'lucide-react'
import { useId, useState, type ReactNode } from 'react'
import { Button } from '../../ui/button'
import { CheckboxField } from '../../ui/checkbox-field'
import { SelectField, type SelectOption } from '../../ui/select-field'
import { CountryInput } from './country-input'
import { GpuModelPicker } from './gpu-model-picker'
import { NumberFilter } from './number-filter'
import {
  COUNTRY_MODES,
  DEFAULT_FILTERS,
  LIMIT_OPTIONS,
  NUM_GPU_OPTIONS,
  OFFER_TYPES,
  SORT_KEYS,
  SORT_LABELS,
  TYPE_LABELS,
  type OfferFilters,
  type OfferSearchType,
  type SortKey,
} from './offer-filters'
import { sameFilters } from './filter-url'
import { cn } from '../../ui/cn'

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

/** Filters kept behind "More filters" (the bar shows GPU, count, price, reliability and country). */
const MORE_KEYS = [
  'minVramGb',
  'minComputeCap',
  'minCuda',
  'minCpuCores',
  'minRamGb',
  'minDiskGb',
  'minDiskBw',
  'minInetUp',
  'minInetDown',
  'verified',
  'datacenter',
  'staticIp',
  'directPorts',
  'type',
  'countryMode',
  'minDurationDays',
  'limit',
] as const satisfies readonly (keyof OfferFilters)[]

/** How many of the filters behind "More filters" differ from the defaults. */
export const moreFiltersSet = (filters: OfferFilters) =>
  MORE_KEYS.filter((key) => filters[key] !== DEFAULT_FILTERS[key]).length

/**
 * The server-side filters: one bar with the common ones and "More filters" for the rest; every
 * change becomes a new offer search (debounced by the caller).
 */
export function OfferToolbar({
  filters,
  onChange,
  onReset,
  onApplyNow,
  actions,
}: OfferToolbarProps) {
  const isDefault = sameFilters(filters, DEFAULT_FILTERS)
  const bid = filters.type === 'bid'
  const moreId = useId()
  const moreSet = moreFiltersSet(filters)
  // Opened at first when the URL (a link, a reload) sets one of the filters behind it.
  const [more, setMore] = useState(() => moreFiltersSet(filters) > 0)
  return (
    <form
      role="search"
      aria-label="Offer filters"
      className="flex flex-col gap-2 rounded-lg border border-border bg-surface px-3 py-2"
      onSubmit={(event) => {
        event.preventDefault()
        onApplyNow()
      }}
    >
      <div className="flex flex-wrap items-end gap-x-3 gap-y-2">
        <GpuModelPicker filters={filters} onChange={onChange} onApplyNow={onApplyNow} />
        {/* On a phone only the GPU model shows until "More filters" opens. */}
        <div className={more ? 'contents' : 'hidden sm:contents'}>
          <SelectField
            dense
            label="Number of GPUs"
            options={NUM_GPU_SELECT}
            className="w-28"
            value={filters.numGpus === null ? '' : String(filters.numGpus)}
            onChange={(event) =>
              onChange({ numGpus: event.target.value === '' ? null : Number(event.target.value) })
            }
          />
          <NumberFilter
            label="Max $/hr"
            name="maxPrice"
            placeholder="e.g. 0.50"
            className="w-24"
            {...{ filters, onChange }}
          />
          <NumberFilter
            label="Min reliability (%)"
            name="minReliability"
            placeholder="e.g. 98"
            className="w-32"
            {...{ filters, onChange }}
          />
          <CountryInput filters={filters} onChange={onChange} />
          <SelectField
            dense
            label="Sort by"
            options={SORT_SELECT}
            className="w-40"
            value={filters.sort}
            onValueChange={(sort) => onChange({ sort })}
          />
        </div>
        <Button
          size="sm"
          className="mb-0.5"
          aria-expanded={more}
          aria-controls={moreId}
          onClick={() => setMore((open) => !open)}
        >
          <SlidersHorizontal aria-hidden="true" className="size-4" />
          More filters
          {moreSet > 0 && (
            <span className="rounded-full bg-accent-soft px-1.5 text-xs text-accent-text">
              {moreSet}
              <span className="sr-only"> set</span>
            </span>
          )}
        </Button>
        <div
          className={cn('mb-0.5 flex-wrap items-center gap-2', more ? 'flex' : 'hidden sm:flex')}
        >
          {actions}
          <Button size="sm" variant="ghost" disabled={isDefault} onClick={onReset}>
            <RotateCcw aria-hidden="true" className="size-4" />
            Reset filters
          </Button>
        </div>
      </div>
      <div
        id={moreId}
        hidden={!more}
        className="grid grid-cols-1 gap-3 border-t border-border pt-2 md:grid-cols-2 xl:grid-cols-4"
      >
        <Group legend="GPU">
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
        </Group>
        <Group legend="Price, place and results">
          <SelectField
            dense
            label="Pricing"
            options={TYPE_SELECT}
            value={filters.type}
            onValueChange={(type) => onChange({ type })}
          />
          {bid && (
            <p className="text-xs text-muted">
              Interruptible rows show each machine&apos;s current minimum bid.
            </p>
          )}
          <SelectField
            dense
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
          <SelectField
            dense
            label="Results"
            options={LIMIT_SELECT}
            value={String(filters.limit)}
            onChange={(event) => onChange({ limit: Number(event.target.value) })}
          />
        </Group>
      </div>
    </form>
  )
}

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-wrap content-start items-end gap-x-3 gap-y-2 rounded-md border border-border bg-surface-muted px-3 pt-1 pb-3">
      <legend className="px-1 text-xs font-semibold tracking-wide text-text-soft uppercase">
        {legend}
      </legend>
      {children}
    </fieldset>
  )
}
