/**
 * The watchdog's own log lines (auto-stop.ts prints them to the instance log), read back so the
 * app can confirm arming, show which rules the instance runs and what a rule saved. Lines may
 * carry a prefix (a timestamp); a log may span several boots, and each arming starts afresh.
 *
 *   auto-stop: armed, stop at 1800000000 with curl        (or "armed, no deadline with wget")
 *   auto-stop: needs curl, wget or python3; not armed     (any "…; not armed")
 *   auto-stop: deadline passed before this start; deadline off
 *   watchdog: rules stop at 1800000000, idle 30 min < 5%   (at arming and after a label change)
 *   watchdog: nvidia-smi not found; idle rule off
 *   watchdog: nvidia-smi unreadable; GPUs counted busy
 *   watchdog: unreadable rules in label; keeping the last ones
 *   watchdog: stop requested (idle 30 min < 5%) at 1800000123
 *   watchdog: destroy requested (deadline 1800000000) at 1800000004
 *   watchdog: stop request failed; trying again
 */
import type { AutoStopAction, WatchdogDeadline, WatchdogRules } from './watchdog-rules'

export type HttpTool = 'curl' | 'wget' | 'python3'

export type FiredRule =
  { kind: 'deadline'; deadlineSec: number } | { kind: 'idle'; minutes: number; belowPct: number }

export interface WatchdogFired {
  action: AutoStopAction
  rule: FiredRule
  /** Unix seconds when the instance asked to be stopped (or destroyed). */
  atSec: number
}

export interface WatchdogLog {
  /** The last arming, or null when it did not arm (or the log has no line of it). */
  armed: { deadline: WatchdogDeadline | null; tool: HttpTool } | null
  /** Why the last start did not arm ("needs curl, wget or python3", …), or null. */
  notArmed: string | null
  /** The rules the instance last reported (at arming or after a label change). */
  rules: WatchdogRules | null
  /** This boot has no nvidia-smi: the idle rule is off, the other rules still apply. */
  idleRuleOff: boolean
  /** nvidia-smi gave no utilisation this boot: the GPUs count as busy. */
  gpuUnreadable: boolean
  /** The label's marker could not be read this boot: the instance kept its last rules. */
  unreadableLabel: boolean
  /** A stop or destroy request failed this boot (it tries again). */
  requestFailed: boolean
  /** Every rule that fired, oldest first (across boots). */
  fired: WatchdogFired[]
}

const ACTION = '(stop|destroy)'
const DEADLINE = `(?:${ACTION} at (\\d+)|no deadline)`
const ARMED = new RegExp(`auto-stop: armed, ${DEADLINE} with (curl|wget|python3)`)
const NOT_ARMED = /auto-stop: (.+); not armed/
const RULES = new RegExp(`watchdog: rules ${DEADLINE}, idle (?:(\\d+) min < (\\d+)%|off)`)
const FIRED = new RegExp(
  `watchdog: ${ACTION} requested \\((?:deadline (\\d+)|idle (\\d+) min < (\\d+)%)\\) at (\\d+)`,
)

const action = (text: string | undefined): AutoStopAction =>
  text === 'destroy' ? 'destroy' : 'stop'

const deadlineOf = (act: string | undefined, at: string | undefined): WatchdogDeadline | null =>
  act && at ? { action: action(act), atSec: Number(at) } : null

const toolOf = (text: string | undefined): HttpTool =>
  text === 'wget' ? 'wget' : text === 'python3' ? 'python3' : 'curl'

function emptyBoot(): Omit<WatchdogLog, 'fired'> {
  return {
    armed: null,
    notArmed: null,
    rules: null,
    idleRuleOff: false,
    gpuUnreadable: false,
    unreadableLabel: false,
    requestFailed: false,
  }
}

/** What the watchdog's lines in an instance log say. */
export function parseWatchdogLog(text: string): WatchdogLog {
  let boot = emptyBoot()
  const fired: WatchdogFired[] = []
  for (const line of text.split('\n')) {
    if (!line.includes('auto-stop: ') && !line.includes('watchdog: ')) continue
    let m: RegExpExecArray | null
    if ((m = ARMED.exec(line))) {
      boot = { ...emptyBoot(), armed: { deadline: deadlineOf(m[1], m[2]), tool: toolOf(m[3]) } }
    } else if ((m = NOT_ARMED.exec(line))) {
      boot = { ...emptyBoot(), notArmed: m[1] ?? '' }
    } else if ((m = RULES.exec(line))) {
      const minutes = Number(m[3] ?? 0)
      boot.rules = {
        deadline: deadlineOf(m[1], m[2]),
        idle: minutes > 0 ? { minutes, belowPct: Number(m[4] ?? 0) } : null,
      }
    } else if ((m = FIRED.exec(line))) {
      const rule: FiredRule = m[2]
        ? { kind: 'deadline', deadlineSec: Number(m[2]) }
        : { kind: 'idle', minutes: Number(m[3]), belowPct: Number(m[4]) }
      fired.push({ action: action(m[1]), rule, atSec: Number(m[5]) })
    } else if (line.includes('watchdog: nvidia-smi not found')) boot.idleRuleOff = true
    else if (line.includes('watchdog: nvidia-smi unreadable')) boot.gpuUnreadable = true
    else if (line.includes('watchdog: unreadable rules in label')) boot.unreadableLabel = true
    else if (/watchdog: (stop|destroy) request failed/.test(line)) boot.requestFailed = true
  }
  return { ...boot, fired }
}

/** What an instance's log says about the watchdog's arming at its last start. */
export type Arming =
  { state: 'armed' } | { state: 'not_armed'; reason: string } | { state: 'unknown' }

/** Armed, not armed (with the reason the snippet printed), or unknown: no line of it yet. */
export function armingFromLog(text: string): Arming {
  const log = parseWatchdogLog(text)
  if (log.armed) return { state: 'armed' }
  if (log.notArmed !== null) return { state: 'not_armed', reason: log.notArmed }
  return { state: 'unknown' }
}

/** The last rule that fired, or null. */
export const lastFired = (log: WatchdogLog): WatchdogFired | null => log.fired.at(-1) ?? null

/**
 * What one stop saved: the hours from the stop until `untilSec` (now while it stays stopped,
 * else when it was started again), capped at `capSec` when the instance would have stopped
 * then anyway (a later deadline), times `perHour` — what stopping saves per hour: the GPU part
 * (dph_total minus storage, which still bills while stopped). A destroy saves storage too.
 */
export function moneySaved(
  fired: WatchdogFired,
  input: { untilSec: number; perHour: number; capSec?: number | null },
): { hours: number; usd: number } {
  const end = input.capSec ? Math.min(input.untilSec, input.capSec) : input.untilSec
  const hours = Math.max(0, end - fired.atSec) / 3600
  const usd = Number.isFinite(input.perHour) && input.perHour > 0 ? hours * input.perHour : 0
  return { hours, usd }
}
