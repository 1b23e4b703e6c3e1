import { useQuery } from '@tanstack/react-query'
import { useId, useMemo, useState, type KeyboardEvent } from 'react'
import { offerQueries } from '../../api/offers/queries'
import { inputClass } from '../../ui/field'
import { cn } from '../../ui/cn'
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
  const listId = `${id}-list`
  const hintId = `${id}-hint`
  const names = useQuery(offerQueries.gpuNames())
  const known = names.data && names.data.length > 0 ? names.data : FALLBACK_GPU_MODELS
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const options = useMemo(
    () => suggestGpuModels(filters.gpuDraft, known).filter((m) => !filters.gpuModels.includes(m)),
    [filters.gpuDraft, filters.gpuModels, known],
  )
  const shown = open && options.length > 0
  const activeName = shown ? options[active] : undefined

  const commit = (text: string) => {
    const model = parseGpuModel(matchGpuModel(text, known) ?? text)
    if (!model) return false
    onChange({
      gpuModels: filters.gpuModels.includes(model)
        ? filters.gpuModels
        : [...filters.gpuModels, model],
      gpuDraft: '',
    })
    setActive(-1)
    return true
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      setOpen(true)
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((index) => {
        const count = options.length
        if (count === 0) return -1
        const next = index + step
        return next < 0 ? count - 1 : next >= count ? 0 : next
      })
    } else if (event.key === 'Escape' && shown) {
      event.preventDefault()
      setOpen(false)
      setActive(-1)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      const exact = matchGpuModel(filters.gpuDraft, known)
      const pick = activeName ?? exact ?? (options.length === 1 ? options[0] : undefined)
      if (pick) commit(pick)
      else if (filters.gpuDraft.trim() && options.length > 1) {
        // Several names match: open the list on the first instead of searching for a fragment.
        setOpen(true)
        setActive(0)
        return
      } else commit(filters.gpuDraft)
      setOpen(false)
      onApplyNow()
    }
  }

  return (
    <div className="relative flex w-full flex-col gap-1 sm:w-56">
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
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeName ? `${listId}-${active}` : undefined}
        value={filters.gpuDraft}
        placeholder={filters.gpuModels.length ? 'Add a model' : 'Any model, e.g. 4090'}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={hintId}
        data-search=""
        className={cn(inputClass, 'placeholder:text-faint')}
        onChange={(event) => {
          onChange({ gpuDraft: event.target.value })
          setOpen(true)
          setActive(-1)
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false)
          setActive(-1)
          if (matchGpuModel(filters.gpuDraft, known)) commit(filters.gpuDraft)
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="GPU models"
        hidden={!shown}
        className="absolute top-full z-30 mt-1 max-h-72 w-full overflow-auto rounded-md border border-border bg-surface py-1 shadow-lg"
      >
        {options.map((name, index) => (
          // Picked with the mouse or a tap; the keyboard works through the input (above).
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events
          <li
            key={name}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={cn(
              'cursor-pointer px-3 py-2 text-sm text-text sm:py-1.5',
              index === active ? 'bg-accent-soft text-accent-text' : 'hover:bg-surface-sunken',
            )}
            // Keep the focus in the input (a blur would close the list before the click).
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              commit(name)
              setOpen(false)
              onApplyNow()
            }}
          >
            {name}
          </li>
        ))}
      </ul>
      <span id={hintId} className="sr-only">
        Type part of a name, for example 4090, and pick from the list. Press Enter to add another
        model. Leave empty for any model.
      </span>
    </div>
  )
}
