/**
 * The watchdog's rules as a form holds them (text as typed), their checks, and the rules they
 * become: the rent dialog and the card's "Change rules" share them. A budget ("stop when this
 * instance has cost $Y") becomes a deadline from the instance's $/hr; with "after N hours" the
 * earliest deadline wins.
 */
import {
  budgetDeadlineSec,
  DEFAULT_IDLE,
  earliestDeadline,
  IDLE_MINUTES_MAX,
  idleRuleProblem,
  type AutoStopAction,
  type WatchdogDeadline,
  type WatchdogRules,
} from './watchdog-rules'

export const MAX_RULE_HOURS = 24 * 30

export interface WatchdogDraft {
  mode: 'off' | AutoStopAction
  hours: string
  idle: boolean
  idleMinutes: string
  idleBelowPct: string
  /** Dollars; empty: no budget rule. */
  budget: string
}

export const NO_WATCHDOG: WatchdogDraft = {
  mode: 'off',
  hours: '4',
  idle: false,
  idleMinutes: String(DEFAULT_IDLE.minutes),
  idleBelowPct: String(DEFAULT_IDLE.belowPct),
  budget: '',
}

export type WatchdogErrors = Partial<Record<'hours' | 'idle' | 'budget', string>>

const DECIMAL = /^\d+(\.\d+)?$/

/** Hours as a positive number up to MAX_RULE_HOURS (decimals allowed), or null. */
export function parseRuleHours(text: string): number | null {
  const clean = text.trim()
  if (!DECIMAL.test(clean)) return null
  const hours = Number(clean)
  return hours > 0 && hours <= MAX_RULE_HOURS ? hours : null
}

export interface DraftContext {
  /** What the instance bills per hour (for the budget), or null when unknown. */
  perHour: number | null
  nowSec: number
  /** What it has cost so far (0 at rent). */
  spentUsd?: number
}

export interface DraftResult {
  rules: WatchdogRules
  errors: WatchdogErrors
  /** The budget's deadline, shown to the user as a time. */
  budgetDeadline: WatchdogDeadline | null
}

/** The rules a draft describes, and what is wrong with it. */
export function rulesFromDraft(draft: WatchdogDraft, context: DraftContext): DraftResult {
  const errors: WatchdogErrors = {}
  let hoursDeadline: WatchdogDeadline | null = null
  if (draft.mode !== 'off') {
    const hours = parseRuleHours(draft.hours)
    if (hours === null)
      errors.hours = `Enter a number of hours, more than 0 and at most ${MAX_RULE_HOURS}.`
    else hoursDeadline = { action: draft.mode, atSec: Math.floor(context.nowSec + hours * 3600) }
  }
  let idle: WatchdogRules['idle'] = null
  if (draft.idle) {
    const minutes = Number(draft.idleMinutes.trim())
    const belowPct = Number(draft.idleBelowPct.trim())
    const rule = { minutes, belowPct }
    const problem =
      /^\d+$/.test(draft.idleMinutes.trim()) && /^\d+$/.test(draft.idleBelowPct.trim())
        ? idleRuleProblem(rule)
        : `Idle minutes (1 to ${IDLE_MINUTES_MAX}) and a threshold (1 to 100 %) are whole numbers.`
    if (problem) errors.idle = problem
    else idle = rule
  }
  let budgetDeadline: WatchdogDeadline | null = null
  const budgetText = draft.budget.trim()
  if (budgetText !== '') {
    const at = DECIMAL.test(budgetText)
      ? budgetDeadlineSec({
          budgetUsd: Number(budgetText),
          dphTotal: context.perHour,
          nowSec: context.nowSec,
          spentUsd: context.spentUsd,
        })
      : null
    if (!DECIMAL.test(budgetText) || Number(budgetText) <= 0)
      errors.budget = 'Enter the budget in dollars, such as 20.'
    else if (at === null) errors.budget = 'The price is not known yet, so a budget cannot be set.'
    else budgetDeadline = { action: 'stop', atSec: at }
  }
  return {
    rules: { deadline: earliestDeadline(hoursDeadline, budgetDeadline), idle },
    errors,
    budgetDeadline,
  }
}

/** A draft showing rules in force (the card's "Change rules" starts from them). */
export function draftFromRules(rules: WatchdogRules, nowSec: number): WatchdogDraft {
  const left = rules.deadline ? Math.max(0, rules.deadline.atSec - nowSec) / 3600 : null
  return {
    mode: rules.deadline?.action ?? 'off',
    hours: left === null ? NO_WATCHDOG.hours : String(Math.max(0.1, Math.round(left * 10) / 10)),
    idle: rules.idle !== null,
    idleMinutes: String(rules.idle?.minutes ?? DEFAULT_IDLE.minutes),
    idleBelowPct: String(rules.idle?.belowPct ?? DEFAULT_IDLE.belowPct),
    budget: '',
  }
}

/** "stop at 14:05, idle 30 min under 5 %" in words, or null when no rule is set. */
export function rulesText(
  rules: WatchdogRules,
  formatTime: (sec: number) => string,
): string | null {
  const parts: string[] = []
  if (rules.deadline)
    parts.push(
      `${rules.deadline.action === 'destroy' ? 'destroy' : 'stop'} at ${formatTime(rules.deadline.atSec)}`,
    )
  if (rules.idle)
    parts.push(
      `stop when every GPU is under ${rules.idle.belowPct} % for ${rules.idle.minutes} min`,
    )
  return parts.length > 0 ? parts.join('; ') : null
}
