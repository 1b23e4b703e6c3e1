import { useId, useState } from 'react'
import { denseLabelClass, inputClass } from '../../ui/field'
import { cn } from '../../ui/cn'
import { type OfferFilters } from './offer-filters'
import { parseCountry } from './filter-url'

/** Two-letter country codes, comma-separated ("US, CA"). */
export function CountryInput({
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
    <div className="relative flex w-40 flex-col gap-1">
      <label htmlFor={id} className={denseLabelClass}>
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
