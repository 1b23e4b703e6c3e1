import { labelWithDeadline, readAutoStop, type AutoStop } from '../domain/auto-stop'
import { labelInstance } from '../api/instances/endpoints'
import { uiStatus } from '../domain/instance-status'
import { useApiMutation } from '../api/mutation'
import { instanceQueries } from '../api/instances/queries'
import type { Instance } from '../api/instances/schemas'
import { Button } from '../ui/button'
import { showToast } from '../ui/toast-store'
import { formatSpan } from './timeline'
import { useNow } from '../ui/use-now'
import { useWatchdogArming } from './watchdog-arming'

export const EXTEND_HOURS = 1

/**
 * The auto-stop set at rent: a countdown to the deadline the snippet inside the instance
 * enforces, and "Extend" (+1 h), which moves the deadline through the label the snippet re-reads.
 * Only where the snippet runs (readAutoStop: SSH or Jupyter launch modes), and not once the
 * instance's log said it did not arm.
 */
export function AutoStopCountdown({ instance }: { instance: Instance }) {
  const autoStop = readAutoStop(instance)
  const arming = useWatchdogArming(instance)
  const status = uiStatus(instance)
  if (!autoStop || status === 'stopped' || status === 'stopping') return null
  if (arming.kind === 'armable' && arming.arming?.state === 'not_armed') return null
  return <Countdown instance={instance} autoStop={autoStop} />
}

/** Ticks every second: mounted only on cards that have an auto-stop. */
function Countdown({ instance, autoStop }: { instance: Instance; autoStop: AutoStop }) {
  const now = useNow(1_000)
  const extend = useApiMutation(
    (deadlineSec: number) =>
      labelInstance(instance.id, labelWithDeadline(instance.label, deadlineSec)),
    { invalidates: [instanceQueries.all()] },
  )
  const leftMs = autoStop.deadlineSec * 1000 - now
  const verb = autoStop.action === 'destroy' ? 'Auto-destroy' : 'Auto-stop'
  return (
    <div className="flex flex-wrap items-center gap-2 rounded border border-accent-border bg-accent-soft px-2 py-1 text-sm text-accent-text">
      <span>
        {leftMs > 0
          ? `${verb} in ${formatSpan(leftMs)}`
          : `${verb} due: the instance acts within a minute`}
      </span>
      <Button
        size="sm"
        disabled={extend.isPending}
        onClick={() => {
          const from = Math.max(autoStop.deadlineSec, Math.floor(now / 1000))
          extend.mutateAsync(from + EXTEND_HOURS * 3600).then(
            () =>
              showToast(
                `${verb} of instance ${instance.id} extended by ${EXTEND_HOURS} h`,
                'success',
              ),
            (error: unknown) =>
              showToast(
                `Couldn't extend: ${error instanceof Error ? error.message : 'the request failed.'}`,
                'error',
              ),
          )
        }}
      >
        Extend {EXTEND_HOURS} h
      </Button>
    </div>
  )
}
