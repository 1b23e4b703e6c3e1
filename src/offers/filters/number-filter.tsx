import { useId, useState } from 'react'
import { denseLabelClass, inputClass } from '../../ui/field'
import { cn } from '../../ui/cn'
import { type NumericFilters, type OfferFilters } from './offer-filters'
import { numericLimit, parseAmount } from './filter-url'

export interface NumberFilterProps {
  label: string
  name: keyof NumericFilters
  placeholder?: string
  filters: OfferFilters
  onChange: (patch: Partial<OfferFilters>) => void
  className?: string
}

/** A decimal field: empty means any; text that is not a number is flagged and not sent. */
export function NumberFilter({
  label,
  name,
  placeholder = 'Any',
  filters,
  onChange,
  className = 'w-36',
}: NumberFilterProps) {
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
    <div className={cn('relative flex flex-col gap-1', className)}>
      <label htmlFor={id} className={denseLabelClass}>
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
