/**
 * The watchdog's rules and the label marker that carries them to the instance.
 *
 * The snippet inside the instance (auto-stop.ts) reads its own label every check and applies the
 * first `autostop@…` token in it, so rules change without a restart. The marker:
 *
 *   autostop@<D>.<a>.<M>.<P>      e.g. autostop@1800000000.s.30.5 (at most 30 characters)
 *     D  deadline, unix seconds; empty = no deadline
 *     a  what the deadline does: s = stop, d = destroy (the idle rule always stops)
 *     M  idle minutes (up to 5 digits); 0 = idle rule off
 *     P  idle threshold: every GPU under P % (0–100)
 *   autostop@<D>                  the first format (Extend): moves the deadline only
 * Numbers are plain digits without a leading zero (D up to 11, M up to 5, P up to 3 digits).
 *
 * Anything else after `autostop@` (up to a space or a quote) is unreadable: the instance keeps
 * the rules it had. No deadline is written as an empty D, never 0, so an instance armed with the
 * first snippet (which reads only the digits) never takes it for a deadline in the past.
 */

export type AutoStopAction = 'stop' | 'destroy'

export interface WatchdogDeadline {
  action: AutoStopAction
  /** Unix seconds. */
  atSec: number
}

export interface IdleRule {
  /** Stop once every GPU has stayed under `belowPct` for this many minutes. */
  minutes: number
  belowPct: number
}

export interface WatchdogRules {
  /** From "stop/destroy after N hours" or a budget (converted by budgetDeadlineSec). */
  deadline: WatchdogDeadline | null
  idle: IdleRule | null
}

export const MARKER_PREFIX = 'autostop@'
/** The suggestion for the idle rule (SkyPilot stops after 5 min; Vast mails after 24 h). */
export const DEFAULT_IDLE: IdleRule = { minutes: 30, belowPct: 5 }
export const IDLE_MINUTES_MAX = 7 * 24 * 60

/** A number as the snippet takes it: digits, no leading zero (sh arithmetic reads 010 as 8). */
const num = (digits: number) => `(?:0|[1-9]\\d{0,${digits - 1}})`
const FULL = new RegExp(`^(${num(11)}?)\\.([sd])\\.(${num(5)})\\.(${num(3)})$`)
const DEADLINE_ONLY = new RegExp(`^${num(11)}$`)
/** The first marker token in a label, as the snippet finds it (up to a space or a quote). */
const TOKEN = /autostop@([^ "]*)/
const TOKENS = /\s*autostop@[^ "]*/g

/** What one marker says: every rule, or (the first format) only a new deadline. */
export type MarkerRules =
  { kind: 'full'; rules: WatchdogRules } | { kind: 'deadline'; atSec: number }

/** Why an idle rule cannot be used, or null when it is fine. */
export function idleRuleProblem(rule: IdleRule): string | null {
  if (!Number.isInteger(rule.minutes) || rule.minutes < 1 || rule.minutes > IDLE_MINUTES_MAX)
    return `Idle minutes must be a whole number from 1 to ${IDLE_MINUTES_MAX}.`
  if (!Number.isInteger(rule.belowPct) || rule.belowPct < 1 || rule.belowPct > 100)
    return 'The idle threshold must be a whole percentage from 1 to 100.'
  return null
}

/** The marker body (after `autostop@`) for these rules. */
export function encodeRules(rules: WatchdogRules): string {
  const { deadline, idle } = rules
  const d = deadline ? String(Math.max(1, Math.floor(deadline.atSec))) : ''
  const a = deadline?.action === 'destroy' ? 'd' : 's'
  const m = idle ? Math.min(99_999, Math.max(0, Math.floor(idle.minutes))) : 0
  const p = idle ? Math.min(100, Math.max(0, Math.floor(idle.belowPct))) : 0
  return `${d}.${a}.${m}.${p}`
}

/** A marker body read the way the snippet reads it; null when unreadable. */
export function decodeRules(body: string): MarkerRules | null {
  if (DEADLINE_ONLY.test(body)) return { kind: 'deadline', atSec: Number(body) }
  const match = FULL.exec(body)
  if (!match) return null
  const [, d = '', a, m = '0', p = '0'] = match
  if (Number(p) > 100) return null
  const action: AutoStopAction = a === 'd' ? 'destroy' : 'stop'
  const minutes = Number(m)
  return {
    kind: 'full',
    rules: {
      deadline: d === '' ? null : { action, atSec: Number(d) },
      idle: minutes > 0 ? { minutes, belowPct: Number(p) } : null,
    },
  }
}

/** The first marker of a label, decoded; null when there is none or it is unreadable. */
export function markerOf(label: string | null | undefined): MarkerRules | null {
  const token = TOKEN.exec(label ?? '')
  return token ? decodeRules(token[1] ?? '') : null
}

/** The rules in force: the label's marker over the rules set at rent (`baked`). */
export function rulesFromLabel(
  label: string | null | undefined,
  baked: WatchdogRules,
): WatchdogRules {
  const marker = markerOf(label)
  if (!marker) return baked
  if (marker.kind === 'full') return marker.rules
  const action = baked.deadline?.action ?? 'stop'
  return { ...baked, deadline: { action, atSec: marker.atSec } }
}

/** The label as the user wrote it: every marker token removed (readable or not). */
export function stripMarkers(label: string | null | undefined): string {
  return (label ?? '').replace(TOKENS, '').trim()
}

/** The user's text with a marker carrying these rules (the only marker in the label). */
export function labelWithRules(label: string | null | undefined, rules: WatchdogRules): string {
  return withMarker(stripMarkers(label), `${MARKER_PREFIX}${encodeRules(rules)}`)
}

/**
 * The label with a new deadline and every other rule kept: a full marker keeps its action and
 * idle rule, otherwise the first format is written (readable by every snippet version).
 */
export function labelWithNewDeadline(label: string | null | undefined, atSec: number): string {
  const marker = markerOf(label)
  if (marker?.kind === 'full') {
    const action = marker.rules.deadline?.action ?? 'stop'
    return labelWithRules(label, { ...marker.rules, deadline: { action, atSec } })
  }
  return withMarker(stripMarkers(label), `${MARKER_PREFIX}${Math.floor(atSec)}`)
}

/** New user text for a label, its marker (if any) kept as it is. */
export function labelKeepingMarker(oldLabel: string | null | undefined, text: string): string {
  const token = TOKEN.exec(oldLabel ?? '')
  return withMarker(stripMarkers(text), token ? token[0] : '')
}

function withMarker(text: string, marker: string): string {
  return [text, marker].filter(Boolean).join(' ')
}

/**
 * "Stop when this instance has cost $Y", as the deadline the snippet enforces: now + what is
 * left of the budget at the instance's $/hr. Null when the rate is unknown or zero.
 */
export function budgetDeadlineSec(input: {
  budgetUsd: number
  dphTotal: number | null | undefined
  nowSec: number
  /** What the instance has cost so far (0 at rent). */
  spentUsd?: number
}): number | null {
  const { budgetUsd, dphTotal, nowSec, spentUsd = 0 } = input
  if (!dphTotal || !Number.isFinite(dphTotal) || dphTotal <= 0) return null
  if (!Number.isFinite(budgetUsd)) return null
  const leftUsd = Math.max(0, budgetUsd - spentUsd)
  return Math.floor(nowSec + (leftUsd / dphTotal) * 3600)
}

/**
 * One deadline from several ("after N hours" and a budget): the earliest wins, since the
 * instance is stopped by then; a tie keeps the data (stop before destroy).
 */
export function earliestDeadline(
  ...deadlines: (WatchdogDeadline | null | undefined)[]
): WatchdogDeadline | null {
  let best: WatchdogDeadline | null = null
  for (const d of deadlines) {
    if (!d) continue
    if (
      !best ||
      d.atSec < best.atSec ||
      (d.atSec === best.atSec && d.action === 'stop' && best.action === 'destroy')
    )
      best = d
  }
  return best
}
