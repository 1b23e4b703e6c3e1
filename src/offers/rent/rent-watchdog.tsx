/**
 * The rent dialog's watchdog: the rules the user combines (after N hours, idle GPUs, a budget),
 * checked as typed, and the start script they become, with the room left for the user's own.
 * The script runs only under SSH or Jupyter launch modes (domain/launch-mode.ts): under `args`
 * the rules cannot be armed, and the user chooses SSH launch mode or no watchdog before renting.
 */
import { useId } from 'react'
import type { RentInput } from '../../api/offers/endpoints'
import { onstartRoom, ONSTART_MAX_CHARS, withWatchdog } from '../../domain/auto-stop'
import { launchModeName, onstartRuns } from '../../domain/launch-mode'
import { rulesFromDraft, type DraftResult, type WatchdogDraft } from '../../domain/watchdog-draft'
import type { WatchdogRules } from '../../domain/watchdog-rules'
import { Notice } from '../../ui/notice'
import { useNow } from '../../ui/use-now'
import { WatchdogRuleFields } from '../../ui/watchdog-rule-fields'

const hasRules = (rules: WatchdogRules) => rules.deadline !== null || rules.idle !== null

/** When the launch mode runs no start script: rent with SSH launch mode, or without watchdog. */
export type LaunchChoice = 'ssh' | 'without'

/** How the rental would launch: its runtype (null: a template's default, args) and from where. */
export interface RentLaunch {
  runtype: string | null
  fromTemplate: boolean
  choice: LaunchChoice | null
}

export interface RentWatchdogState extends DraftResult {
  ok: boolean
  /** Characters left for the user's own start script (negative: too long). */
  room: number | null
  perHour: number | null
  nowSec: number
  /** Rules asked for under a launch mode that runs no start script (its name), else null. */
  cannotArm: { mode: string; fromTemplate: boolean; choice: LaunchChoice | null } | null
}

/** The draft's rules now, their errors, the start-script room left and whether they can run. */
export function useRentWatchdog(
  draft: WatchdogDraft,
  perHour: number | null,
  userOnstart: string | undefined,
  launch: RentLaunch,
): RentWatchdogState {
  const nowSec = Math.floor(useNow(30_000) / 1000)
  const result = rulesFromDraft(draft, { perHour, nowSec })
  const wanted = hasRules(result.rules)
  const cannotArm =
    wanted && !onstartRuns(launch.runtype)
      ? {
          mode: launchModeName(launch.runtype),
          fromTemplate: launch.fromTemplate,
          choice: launch.choice,
        }
      : null
  const sent = wanted && cannotArm?.choice !== 'without'
  const room = sent ? onstartRoom(result.rules) - (userOnstart?.length ?? 0) : null
  const ok =
    Object.keys(result.errors).length === 0 &&
    (room === null || room >= 0) &&
    (cannotArm === null || cannotArm.choice !== null)
  return { ...result, ok, room, perHour, nowSec, cannotArm }
}

/**
 * Puts the watchdog into the rental (deadlines counted from now, at send time): in `onstart`,
 * ahead of `onstart` (the template's script, which any onstart sent replaces). Where the launch
 * mode runs no start script nothing is added, unless the user chose SSH launch mode, which is
 * then sent with the template.
 */
export function armWatchdog(
  input: RentInput,
  draft: WatchdogDraft,
  onstart: string | undefined,
  state: RentWatchdogState,
): void {
  const { rules } = rulesFromDraft(draft, {
    perHour: state.perHour,
    nowSec: Math.floor(Date.now() / 1000),
  })
  if (!hasRules(rules)) return
  if (state.cannotArm) {
    if (state.cannotArm.choice !== 'ssh') return
    input.runtype = 'ssh'
    input.runtypeOverTemplate = true
  }
  input.onstart = withWatchdog(onstart, rules)
}

export function RentWatchdog({
  value,
  onChange,
  showErrors,
  watchdog,
  onLaunchChoice,
}: {
  value: WatchdogDraft
  onChange: (value: WatchdogDraft) => void
  showErrors: boolean
  watchdog: RentWatchdogState
  onLaunchChoice: (choice: LaunchChoice) => void
}) {
  const { room, cannotArm } = watchdog
  return (
    <WatchdogRuleFields
      value={value}
      onChange={onChange}
      errors={showErrors ? watchdog.errors : {}}
      budgetDeadline={watchdog.budgetDeadline}
      nowSec={watchdog.nowSec}
      footer={
        <>
          {cannotArm && (
            <CannotArm {...cannotArm} showErrors={showErrors} onChoice={onLaunchChoice} />
          )}
          {room !== null && (
            <p
              className={
                room < 0 ? 'text-xs text-danger sm:col-span-2' : 'text-xs text-muted sm:col-span-2'
              }
            >
              {room < 0
                ? `The start script is ${-room} characters over Vast's ${ONSTART_MAX_CHARS} with the watchdog: shorten it or turn rules off.`
                : `Start script room left with the watchdog: ${room} of ${ONSTART_MAX_CHARS} characters. Needs curl, wget or python3 in the image.`}
            </p>
          )}
        </>
      }
    />
  )
}

const CHOICES: { value: LaunchChoice; label: string; hint: string }[] = [
  {
    value: 'ssh',
    label: 'Rent with SSH launch mode instead',
    hint: "Vast's SSH entrypoint runs the start script, so auto-stop is armed. The template's own program (its image's entrypoint) will not start: start it over SSH or in a start script.",
  },
  {
    value: 'without',
    label: 'Rent without auto-stop',
    hint: 'The template runs as made. Nothing stops the instance for you: stop or destroy it yourself.',
  },
]

/** The warning and the two ways that work, shown before Rent. */
function CannotArm({
  mode,
  fromTemplate,
  choice,
  showErrors,
  onChoice,
}: {
  mode: string
  fromTemplate: boolean
  choice: LaunchChoice | null
  showErrors: boolean
  onChoice: (choice: LaunchChoice) => void
}) {
  const id = useId()
  return (
    <div className="flex flex-col gap-2 sm:col-span-2">
      <Notice tone="warning" role="status">
        {fromTemplate
          ? `This template starts its own program (launch mode ${mode}); Vast does not run start scripts for it, so auto-stop cannot be armed.`
          : `This launch mode (${mode}) starts the image's own program; Vast does not run start scripts for it, so auto-stop cannot be armed.`}
      </Notice>
      <fieldset role="radiogroup" aria-labelledby={`${id}-legend`} className="flex flex-col gap-2">
        <legend id={`${id}-legend`} className="mb-1 text-sm font-medium text-text">
          Auto-stop with this {fromTemplate ? 'template' : 'launch mode'}
        </legend>
        {CHOICES.map((option) => (
          <label key={option.value} className="flex items-start gap-2 text-sm text-text">
            <input
              type="radio"
              name={`${id}-choice`}
              value={option.value}
              checked={choice === option.value}
              aria-describedby={`${id}-${option.value}`}
              className="mt-0.5 size-4 shrink-0 accent-accent"
              onChange={() => onChoice(option.value)}
            />
            <span>
              {option.label}
              <span id={`${id}-${option.value}`} className="block text-xs text-muted">
                {option.hint}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {showErrors && choice === null && (
        <p className="text-xs text-danger">
          Choose: rent with SSH launch mode, or rent without auto-stop.
        </p>
      )}
    </div>
  )
}
