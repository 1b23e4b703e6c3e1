import type { ReactNode } from 'react'
import { SAMPLE_INTERVAL_S, CHECK_INTERVAL_S } from '../domain/auto-stop'
import { formatRunway } from '../domain/money/burn'
import type { WatchdogDraft, WatchdogErrors } from '../domain/watchdog-draft'
import type { WatchdogDeadline } from '../domain/watchdog-rules'
import { CheckboxField } from './checkbox-field'
import { Field } from './field'
import { SelectField } from './select-field'

const MODES = [
  { value: 'off', label: 'Off' },
  { value: 'stop', label: 'Stop after N hours' },
  { value: 'destroy', label: 'Destroy after N hours' },
] as const

const clock = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

/** A deadline as the user reads it: "Tue 14:05 (in 5 h 20 min)". */
export function deadlineText(atSec: number, nowSec: number): string {
  return `${clock.format(atSec * 1000)} (in ${formatRunway(Math.max(0, atSec - nowSec) / 3600)})`
}

/**
 * The watchdog's rules, combinable: stop or destroy after N hours, stop when every GPU is idle,
 * stop at a budget (shown as the deadline it becomes). Used at rent and by "Change rules".
 */
export function WatchdogRuleFields({
  value,
  onChange,
  errors,
  budgetDeadline,
  nowSec,
  footer,
}: {
  value: WatchdogDraft
  onChange: (value: WatchdogDraft) => void
  /** Shown once the user tried to submit. */
  errors: WatchdogErrors
  budgetDeadline: WatchdogDeadline | null
  nowSec: number
  footer?: ReactNode
}) {
  const set = (patch: Partial<WatchdogDraft>) => onChange({ ...value, ...patch })
  return (
    <fieldset className="grid grid-cols-1 gap-3 sm:col-span-2 sm:grid-cols-2">
      <legend className="mb-1 text-sm font-medium text-text">
        Watchdog (runs inside the instance, with this tab closed)
      </legend>
      <SelectField
        label="Auto-stop"
        options={MODES}
        value={value.mode}
        onValueChange={(mode) => set({ mode })}
      />
      {value.mode !== 'off' && (
        <Field
          label="Hours"
          inputMode="decimal"
          autoComplete="off"
          value={value.hours}
          hint={`Checked every ${CHECK_INTERVAL_S} s.`}
          error={errors.hours}
          onChange={(event) => set({ hours: event.target.value })}
        />
      )}
      <CheckboxField
        label="Stop when the GPUs are idle"
        className="sm:col-span-2"
        checked={value.idle}
        onChange={(event) => set({ idle: event.target.checked })}
      />
      {value.idle && (
        <>
          <Field
            label="Idle for (minutes)"
            inputMode="numeric"
            autoComplete="off"
            value={value.idleMinutes}
            error={errors.idle}
            onChange={(event) => set({ idleMinutes: event.target.value })}
          />
          <Field
            label="Every GPU under (%)"
            inputMode="numeric"
            autoComplete="off"
            value={value.idleBelowPct}
            hint={`From nvidia-smi, sampled every ${SAMPLE_INTERVAL_S} s. Without nvidia-smi the instance logs it and this rule is off.`}
            onChange={(event) => set({ idleBelowPct: event.target.value })}
          />
        </>
      )}
      <Field
        label="Stop when it has cost ($)"
        className="sm:col-span-2"
        inputMode="decimal"
        autoComplete="off"
        value={value.budget}
        hint={
          budgetDeadline
            ? `At this price that is a stop on ${deadlineText(budgetDeadline.atSec, nowSec)}.`
            : 'Optional. Turned into a stop time from the $/hr.'
        }
        error={errors.budget}
        onChange={(event) => set({ budget: event.target.value })}
      />
      {footer}
    </fieldset>
  )
}
