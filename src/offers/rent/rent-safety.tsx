/**
 * The rent dialog's safety options (issue 4): auto-stop after N hours, enforced inside the
 * instance (api/auto-stop), and the spend guards' typed confirmation (api/spend-guards).
 */
import { useQuery } from '@tanstack/react-query'
import { CHECK_INTERVAL_S, withAutoStop, type AutoStopAction } from '../../domain/auto-stop'
import { instanceQueries } from '../../api/instances/queries'
import { GUARD_CONFIRM_WORD, guardViolations } from '../../domain/spend-guards'
import { useSpendGuards } from '../../api/spend-guards-store'
import { Field } from '../../ui/field'
import { SelectField } from '../../ui/select-field'
import { Notice } from '../../ui/notice'

export interface AutoStopDraft {
  mode: 'off' | AutoStopAction
  hours: string
}

export const NO_AUTO_STOP: AutoStopDraft = { mode: 'off', hours: '4' }
export const MAX_AUTO_STOP_HOURS = 24 * 30

/** Hours as a positive number (decimals allowed), or null. */
export function parseAutoStopHours(text: string): number | null {
  const clean = text.trim()
  if (!/^\d+(\.\d+)?$/.test(clean)) return null
  const hours = Number(clean)
  return hours > 0 && hours <= MAX_AUTO_STOP_HOURS ? hours : null
}

/** The onstart with the auto-stop snippet, its deadline `hours` from now (at send time). */
export function armAutoStop(
  onstart: string | undefined,
  action: AutoStopAction,
  hours: number,
): string {
  return withAutoStop(onstart, action, Date.now() / 1000 + hours * 3600)
}

const MODES = [
  { value: 'off', label: 'Off' },
  { value: 'stop', label: 'Stop after N hours' },
  { value: 'destroy', label: 'Destroy after N hours' },
] as const

export function AutoStopFields({
  value,
  onChange,
  showErrors,
}: {
  value: AutoStopDraft
  onChange: (value: AutoStopDraft) => void
  showErrors: boolean
}) {
  const hoursOk = parseAutoStopHours(value.hours) !== null
  return (
    <div className="grid grid-cols-1 gap-3 sm:col-span-2 sm:grid-cols-2">
      <SelectField
        label="Auto-stop"
        options={MODES}
        value={value.mode}
        onValueChange={(mode) => onChange({ ...value, mode })}
      />
      {value.mode !== 'off' && (
        <Field
          label="Hours"
          inputMode="decimal"
          autoComplete="off"
          value={value.hours}
          hint={`Checked inside the instance every ${CHECK_INTERVAL_S} s, so it works with this tab closed. Needs curl, wget or python3 in the image.`}
          error={
            showErrors && !hoursOk
              ? `Enter a number of hours, more than 0 and at most ${MAX_AUTO_STOP_HOURS}.`
              : null
          }
          onChange={(event) => onChange({ ...value, hours: event.target.value })}
        />
      )}
    </div>
  )
}

/** The guards this rental exceeds, counting the instances in the cache-backed list. */
export function useGuardViolations(perHour: number | null): string[] {
  const guards = useSpendGuards()
  const list = useQuery({ ...instanceQueries.list(), enabled: guards.maxInstances !== null })
  return guardViolations(guards, {
    perHour,
    existingInstances: list.data ? list.data.instances.length : null,
  })
}

export function GuardConfirm({
  violations,
  typed,
  onTyped,
}: {
  violations: string[]
  typed: string
  onTyped: (text: string) => void
}) {
  if (violations.length === 0) return null
  return (
    <Notice as="section" aria-label="Spend guard" tone="danger" className="flex flex-col gap-2">
      <ul className="list-disc pl-5">
        {violations.map((v) => (
          <li key={v}>{v}</li>
        ))}
      </ul>
      <Field
        label={`Type ${GUARD_CONFIRM_WORD} to rent anyway`}
        autoComplete="off"
        value={typed}
        onChange={(event) => onTyped(event.target.value)}
      />
    </Notice>
  )
}
