/**
 * What the watchdog saved on one instance: its last stop (read from its own log line) while the
 * list still shows it stopped, times what stopping saves per hour (the GPU part: storage still
 * bills). An idle stop before a later deadline counts only up to that deadline.
 */
import { uiStatus } from './instance-status'
import { gpuRate, type CostFields } from './money/burn'
import { lastFired, moneySaved, type WatchdogLog } from './watchdog-log'
import type { WatchdogRules } from './watchdog-rules'

export function watchdogSaving(
  instance: CostFields,
  log: WatchdogLog,
  rules: WatchdogRules | null,
  nowSec: number,
): { hours: number; usd: number } | null {
  const fired = lastFired(log)
  if (!fired || fired.action !== 'stop' || uiStatus(instance) !== 'stopped') return null
  const cap =
    fired.rule.kind === 'idle' && rules?.deadline && rules.deadline.atSec > fired.atSec
      ? rules.deadline.atSec
      : null
  return moneySaved(fired, { untilSec: nowSec, perHour: gpuRate(instance) ?? 0, capSec: cap })
}
