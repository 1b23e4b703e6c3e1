/**
 * Whether an instance's watchdog is armed. The snippet sits in `onstart`, which Vast runs only
 * under SSH or Jupyter launch modes (domain/launch-mode.ts): under `args` the card says it is
 * not armed. Elsewhere the instance's own log confirms it once it runs (the snippet prints
 * "auto-stop: armed, …" or why not): one read, one retry, then no more (armingLogQuery).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { armingLogQuery, nextArmingRead } from '../api/instances/queries'
import type { Instance } from '../api/instances/schemas'
import { readWatchdog } from '../domain/auto-stop'
import { uiStatus, type UiStatus } from '../domain/instance-status'
import { launchModeName, onstartRuns } from '../domain/launch-mode'
import type { Arming } from '../domain/watchdog-log'
import { cn } from '../ui/cn'
import { Notice } from '../ui/notice'

export type ArmingView =
  /** No watchdog snippet. */
  | { kind: 'none' }
  /** A snippet under a launch mode that runs no start script: it never starts. */
  | { kind: 'unarmable'; mode: string }
  | {
      kind: 'armable'
      status: UiStatus
      /** What the log said; undefined before it was read. */
      arming: Arming | undefined
      /** The log could not be read (its message). */
      error: string | null
      /** No more reads will come. */
      done: boolean
    }

/** On its way to running: the log is read once it gets there. */
const COMING: ReadonlySet<UiStatus> = new Set([
  'provisioning',
  'loading',
  'starting',
  'scheduling',
  'rebooting',
])

export function useWatchdogArming(instance: Instance): ArmingView {
  const present = readWatchdog(instance) !== null
  const runs = onstartRuns(instance.image_runtype)
  const status = uiStatus(instance)
  const options = armingLogQuery(instance.id)
  const log = useQuery({ ...options, enabled: present && runs && status === 'running' })
  // The read counts live on the query, not the observer's result.
  const state = useQueryClient().getQueryState(options.queryKey)
  if (!present) return { kind: 'none' }
  if (!runs) return { kind: 'unarmable', mode: launchModeName(instance.image_runtype) }
  return {
    kind: 'armable',
    status,
    arming: log.data,
    error: log.error ? log.error.message : null,
    done: state ? nextArmingRead(state) === false : false,
  }
}

/** The watchdog will not run: said where its rules would be. */
export function NotArmed({ mode }: { mode: string }) {
  return (
    <Notice as="p" tone="warning">
      Auto-stop not armed (launch mode {mode}): Vast runs no start script in this launch mode, so
      nothing stops this instance for you. Stop or destroy it yourself.
    </Notice>
  )
}

function armingText(view: Extract<ArmingView, { kind: 'armable' }>): string | null {
  const { arming } = view
  if (arming?.state === 'armed') return "Auto-stop armed (confirmed): the instance's log says so."
  if (arming?.state === 'not_armed')
    return `Auto-stop not armed: the instance says “${arming.reason}”. Nothing stops it for you.`
  if (view.status !== 'running')
    return COMING.has(view.status)
      ? 'Auto-stop not confirmed yet: its log is read once the instance runs.'
      : null
  if (view.error)
    return `Auto-stop not confirmed yet: the instance's log could not be read (${view.error}).`
  if (!arming) return "Auto-stop not confirmed yet: reading the instance's log…"
  return view.done
    ? 'Auto-stop not confirmed yet: no line from it in the instance’s log. Open Logs to look.'
    : 'Auto-stop not confirmed yet: no line from it in the log so far; one more look in a minute.'
}

/** What the instance's log says about arming, announced as it changes. */
export function ArmingLine({ view }: { view: ArmingView }) {
  if (view.kind !== 'armable') return null
  const text = armingText(view)
  if (!text) return null
  const tone =
    view.arming?.state === 'armed'
      ? 'text-success-text'
      : view.arming?.state === 'not_armed'
        ? 'text-warning-text'
        : 'text-muted'
  return (
    <p role="status" className={cn('text-xs', tone)}>
      {text}
    </p>
  )
}
