import { useId } from 'react'
import type { RentInput } from '../../api/offers/endpoints'
import type { Offer } from '../../api/offers/schemas'
import { TextAreaField } from '../../ui/field'
import { isVerified, offerReliability } from '../offer-format'

/** The rent dialog's parts that are not the cost: facts about the offer and the form's odd fields. */

export function OfferFacts({ offer }: { offer: Offer }) {
  const reliability = offerReliability(offer)
  const facts = [
    `Offer ${offer.id}`,
    offer.geolocation,
    reliability == null ? null : `${(reliability * 100).toFixed(1)}% reliability`,
    isVerified(offer) ? 'Verified' : 'Unverified',
  ].filter((fact): fact is string => Boolean(fact))
  return <p className="-mt-1 text-sm text-muted">{facts.join(' · ')}</p>
}

export function LaunchMode({
  value,
  onChange,
}: {
  value: RentInput['runtype']
  onChange: (value: RentInput['runtype']) => void
}) {
  const name = useId()
  const hintId = `${name}-hint`
  const options: { value: RentInput['runtype']; label: string }[] = [
    { value: 'ssh', label: 'SSH' },
    { value: 'jupyter', label: 'Jupyter' },
  ]
  return (
    <fieldset
      role="radiogroup"
      className="flex flex-col gap-1 sm:col-span-2"
      aria-describedby={hintId}
    >
      <legend className="mb-1 text-sm font-medium text-text">Launch mode</legend>
      <div className="flex gap-4">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm text-text">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              className="size-4 accent-accent"
              onChange={() => onChange(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
      <p id={hintId} className="text-xs text-muted">
        SSH gives a terminal; Jupyter adds a notebook in the browser (SSH still works).
      </p>
    </fieldset>
  )
}

/** Environment variables and port mappings, one a line (parsed by `parseEnv`). */
export function EnvField({
  value,
  error,
  onChange,
}: {
  value: string
  error: string | undefined
  onChange: (value: string) => void
}) {
  return (
    <TextAreaField
      label="Environment"
      className="sm:col-span-2"
      rows={3}
      value={value}
      spellCheck={false}
      autoComplete="off"
      hint="Optional. One per line: NAME=value, or -p 8080:8080 to open a port. Variables reach the container, not SSH logins."
      error={error}
      onChange={(event) => onChange(event.target.value)}
    />
  )
}
