import { useState } from 'react'
import { isDay, presetRange, type DayRange, type RangePreset } from '../domain/spending/range'
import { Button } from '../ui/button'
import { Field } from '../ui/field'
import { SelectField } from '../ui/select-field'

const PRESETS = [
  { value: 'month', label: 'This month' },
  { value: '7d', label: 'Last 7 days' },
  { value: '30d', label: 'Last 30 days' },
  { value: 'custom', label: 'Custom' },
] as const

const isPreset = (v: string): v is RangePreset => PRESETS.some((p) => p.value === v)

export interface RangeChoice {
  preset: RangePreset
  range: DayRange
}

/** This month by default; last 7/30 days; or a custom span of whole UTC days. */
export function RangePicker({
  value,
  today,
  onChange,
}: {
  value: RangeChoice
  today: string
  onChange: (next: RangeChoice) => void
}) {
  const [from, setFrom] = useState(value.range.from)
  const [to, setTo] = useState(value.range.to)
  const error =
    !isDay(from) || !isDay(to)
      ? 'Enter days as YYYY-MM-DD.'
      : from > to
        ? 'The first day comes after the last.'
        : to > today
          ? 'The last day is in the future.'
          : null
  return (
    <div className="flex flex-wrap items-end gap-3">
      <SelectField
        label="Range (UTC days)"
        value={value.preset}
        options={PRESETS}
        onChange={(e) => {
          const preset = e.target.value
          if (!isPreset(preset)) return
          if (preset === 'custom') onChange({ preset, range: value.range })
          else onChange({ preset, range: presetRange(preset, today) })
        }}
      />
      {value.preset === 'custom' && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault()
            if (!error) onChange({ preset: 'custom', range: { from, to } })
          }}
        >
          <Field
            label="From"
            type="date"
            value={from}
            max={today}
            onChange={(e) => setFrom(e.target.value)}
          />
          <Field
            label="To"
            type="date"
            value={to}
            max={today}
            error={error}
            onChange={(e) => setTo(e.target.value)}
          />
          <Button type="submit" disabled={error !== null}>
            Show
          </Button>
        </form>
      )}
    </div>
  )
}
