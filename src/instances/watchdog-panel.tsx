import { useQueries, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { labelInstance } from '../api/instances/endpoints'
import { instanceQueries, watchdogLogQuery } from '../api/instances/queries'
import type { Instance } from '../api/instances/schemas'
import { useApiMutation } from '../api/mutation'
import { armedWatchdog, readWatchdog, type Watchdog } from '../domain/auto-stop'
import { contractLeftMs, END_WARN_MS } from '../domain/fleet'
import { formatUsd } from '../domain/format'
import { uiStatus } from '../domain/instance-status'
import { accruedCost } from '../domain/money/burn'
import { draftFromRules, rulesFromDraft, rulesText } from '../domain/watchdog-draft'
import { parseWatchdogLog } from '../domain/watchdog-log'
import { labelWithRules } from '../domain/watchdog-rules'
import { watchdogSaving } from '../domain/watchdog-saving'
import { Button } from '../ui/button'
import { Dialog } from '../ui/dialog'
import { Notice } from '../ui/notice'
import { showToast } from '../ui/toast-store'
import { useNow } from '../ui/use-now'
import { deadlineText, WatchdogRuleFields } from '../ui/watchdog-rule-fields'
import { formatSpan } from './timeline'
import { ArmingLine, NotArmed, useWatchdogArming } from './watchdog-arming'

/**
 * The watchdog's rules in force on the card, whether the instance confirmed arming, "Change
 * rules", and what it saved; or, under a launch mode that runs no start script, that it is not
 * armed.
 */
export function WatchdogPanel({ instance }: { instance: Instance }) {
  const watchdog = readWatchdog(instance)
  const arming = useWatchdogArming(instance)
  const now = useNow()
  const [editing, setEditing] = useState(false)
  if (arming.kind === 'unarmable') return <NotArmed mode={arming.mode} />
  if (!watchdog) return null
  const nowSec = Math.floor(now / 1000)
  const text = rulesText(watchdog.rules, (sec) => deadlineText(sec, nowSec))
  return (
    <section
      aria-label={`Watchdog of instance ${instance.id}`}
      className="flex flex-col gap-1 rounded border border-border bg-surface-sunken px-2 py-1 text-sm text-text"
    >
      <p>Watchdog: {text ?? 'no rule set'}</p>
      <ArmingLine view={arming} />
      <WatchdogSaved instance={instance} watchdog={watchdog} nowSec={nowSec} />
      <div>
        <Button size="sm" onClick={() => setEditing(true)}>
          Change rules
        </Button>
      </div>
      {editing && (
        <ChangeRules instance={instance} watchdog={watchdog} onClose={() => setEditing(false)} />
      )}
    </section>
  )
}

/** Reads the instance's log once it is stopped: what its last stop has saved so far. */
function WatchdogSaved({
  instance,
  watchdog,
  nowSec,
}: {
  instance: Instance
  watchdog: Watchdog
  nowSec: number
}) {
  const saving = useWatchdogSaving(instance, watchdog, nowSec)
  if (!saving || saving.usd <= 0) return null
  return (
    <p className="text-success-text">
      Saved ≈ {formatUsd(saving.usd)} so far: stopped {formatSpan(saving.hours * 3600_000)} early by
      its watchdog.
    </p>
  )
}

/** What the watchdog saved on this instance (its log is read only while it is stopped). */
export function useWatchdogSaving(instance: Instance, watchdog: Watchdog | null, nowSec: number) {
  const stopped = uiStatus(instance) === 'stopped'
  const log = useQuery({ ...watchdogLogQuery(instance.id), enabled: stopped && watchdog !== null })
  if (!log.data || !stopped) return null
  return watchdogSaving(instance, parseWatchdogLog(log.data), watchdog?.rules ?? null, nowSec)
}

function ChangeRules({
  instance,
  watchdog,
  onClose,
}: {
  instance: Instance
  watchdog: Watchdog
  onClose: () => void
}) {
  const nowSec = Math.floor(useNow(30_000) / 1000)
  const [draft, setDraft] = useState(() => draftFromRules(watchdog.rules, nowSec))
  const [showErrors, setShowErrors] = useState(false)
  const spentUsd = accruedCost(instance, nowSec * 1000) ?? 0
  const result = rulesFromDraft(draft, { perHour: instance.dph_total ?? null, nowSec, spentUsd })
  const save = useApiMutation((label: string) => labelInstance(instance.id, label), {
    invalidates: [instanceQueries.all()],
  })
  const ok = Object.keys(result.errors).length === 0
  return (
    <Dialog
      open
      title={`Watchdog rules of instance ${instance.id}`}
      onClose={onClose}
      busy={save.isPending}
    >
      <form
        noValidate
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault()
          if (!ok) return setShowErrors(true)
          if (save.isPending) return
          const rules = rulesFromDraft(draft, {
            perHour: instance.dph_total ?? null,
            nowSec: Math.floor(Date.now() / 1000),
            spentUsd,
          }).rules
          save.mutateAsync(labelWithRules(instance.label, rules)).then(
            () => {
              showToast(`Watchdog rules of instance ${instance.id} changed`, 'success')
              onClose()
            },
            () => undefined,
          )
        }}
      >
        <WatchdogRuleFields
          value={draft}
          onChange={setDraft}
          errors={showErrors ? result.errors : {}}
          budgetDeadline={result.budgetDeadline}
          nowSec={nowSec}
        />
        <p className="text-xs text-muted">
          {watchdog.version === 1
            ? 'This instance runs the first watchdog: it reads only a new deadline from its label; the idle rule needs a new rental.'
            : 'The instance re-reads its label within a minute: the new rules apply without a restart.'}
        </p>
        {save.isError && (
          <Notice role="alert" tone="danger">
            Couldn&apos;t change the rules: {save.error.message}
          </Notice>
        )}
        <div className="flex justify-end gap-2 border-t border-border pt-3">
          <Button onClick={onClose} disabled={save.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save rules'}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

/** Seven days ahead the card starts counting down to the contract's end. */
const SHOW_END_MS = 7 * 86_400_000

/** A countdown to the contract's end_date: Vast deletes the instance and its data after it. */
export function ContractEnd({ instance }: { instance: Instance }) {
  const now = useNow(60_000)
  const left = contractLeftMs(instance, now)
  if (left === null || left > SHOW_END_MS) return null
  const soon = left <= END_WARN_MS
  return (
    <p
      className={
        soon
          ? 'rounded border border-danger-border bg-danger-soft px-2 py-1 text-xs text-danger-text'
          : 'rounded border border-warning-border bg-warning-soft px-2 py-1 text-xs text-warning-text'
      }
    >
      {left > 0
        ? `Contract ends in ${formatSpan(left)}: Vast deletes the instance and its data then. Copy out what you need.`
        : 'Contract ended: Vast deletes the instance and its data.'}
    </p>
  )
}

/** What the watchdogs saved together, across the instances they keep stopped. */
export function WatchdogSavedTotal({ instances }: { instances: readonly Instance[] }) {
  const nowSec = Math.floor(useNow() / 1000)
  const watched = instances.flatMap((instance) => {
    const watchdog = armedWatchdog(instance)
    return watchdog && uiStatus(instance) === 'stopped' ? [{ instance, watchdog }] : []
  })
  const logs = useQueries({ queries: watched.map((w) => watchdogLogQuery(w.instance.id)) })
  let usd = 0
  let count = 0
  watched.forEach(({ instance, watchdog }, index) => {
    const text = logs[index]?.data
    if (text === undefined) return
    const saving = watchdogSaving(instance, parseWatchdogLog(text), watchdog.rules, nowSec)
    if (saving && saving.usd > 0) {
      usd += saving.usd
      count += 1
    }
  })
  if (count === 0) return null
  return (
    <p className="text-sm text-success-text">
      The watchdogs saved ≈ {formatUsd(usd)} so far ({count}{' '}
      {count === 1 ? 'instance' : 'instances'} stopped early).
    </p>
  )
}
