/**
 * The rent dialog's watchdog: the rules the user combines (after N hours, idle GPUs, a budget),
 * checked as typed, and the start script they become, with the room left for the user's own.
 */
import { onstartRoom, ONSTART_MAX_CHARS, withWatchdog } from '../../domain/auto-stop'
import { rulesFromDraft, type DraftResult, type WatchdogDraft } from '../../domain/watchdog-draft'
import type { WatchdogRules } from '../../domain/watchdog-rules'
import { useNow } from '../../ui/use-now'
import { WatchdogRuleFields } from '../../ui/watchdog-rule-fields'

const hasRules = (rules: WatchdogRules) => rules.deadline !== null || rules.idle !== null

export interface RentWatchdogState extends DraftResult {
  ok: boolean
  /** Characters left for the user's own start script (negative: too long). */
  room: number | null
  perHour: number | null
  nowSec: number
}

/** The draft's rules now, their errors and the start-script room left. */
export function useRentWatchdog(
  draft: WatchdogDraft,
  perHour: number | null,
  userOnstart: string | undefined,
): RentWatchdogState {
  const nowSec = Math.floor(useNow(30_000) / 1000)
  const result = rulesFromDraft(draft, { perHour, nowSec })
  const room = hasRules(result.rules)
    ? onstartRoom(result.rules) - (userOnstart?.length ?? 0)
    : null
  const ok = Object.keys(result.errors).length === 0 && (room === null || room >= 0)
  return { ...result, ok, room, perHour, nowSec }
}

/** The onstart to send (deadlines counted from now, at send time), or null without rules. */
export function armWatchdog(
  draft: WatchdogDraft,
  onstart: string | undefined,
  perHour: number | null,
): string | null {
  const { rules } = rulesFromDraft(draft, { perHour, nowSec: Math.floor(Date.now() / 1000) })
  return hasRules(rules) ? withWatchdog(onstart, rules) : null
}

export function RentWatchdog({
  value,
  onChange,
  showErrors,
  watchdog,
}: {
  value: WatchdogDraft
  onChange: (value: WatchdogDraft) => void
  showErrors: boolean
  watchdog: RentWatchdogState
}) {
  const { room } = watchdog
  return (
    <WatchdogRuleFields
      value={value}
      onChange={onChange}
      errors={showErrors ? watchdog.errors : {}}
      budgetDeadline={watchdog.budgetDeadline}
      nowSec={watchdog.nowSec}
      footer={
        room !== null && (
          <p
            className={
              room < 0 ? 'text-xs text-danger sm:col-span-2' : 'text-xs text-muted sm:col-span-2'
            }
          >
            {room < 0
              ? `The start script is ${-room} characters over Vast's ${ONSTART_MAX_CHARS} with the watchdog: shorten it or turn rules off.`
              : `Start script room left with the watchdog: ${room} of ${ONSTART_MAX_CHARS} characters. Needs curl, wget or python3 in the image.`}
          </p>
        )
      }
    />
  )
}
