import { isTransitioning, uiStatus } from '../domain/instance-status'
import type { Instance } from '../api/instances/schemas'
import { useObserved } from '../api/status-history-store'
import { LOADING_WARN_MS, formatSpan, loadingFor, phaseTimeline, pullProgress } from './timeline'
import { useNow } from '../ui/use-now'
import { formatWhen } from './figures'

/**
 * Created → Loading image… → Running as this browser saw it: when each step was seen, how long it
 * took only when both its ends were seen (at the polling resolution), the image-pull progress
 * while loading and a warning when loading runs unusually long.
 */
export function PhaseTimeline({ instance }: { instance: Instance }) {
  const observed = useObserved(instance.id)
  // Changing phases tick every 5 s; settled ones only need the minute.
  const now = useNow(isTransitioning(instance) ? 5_000 : 60_000)
  const history = observed?.history ?? []
  const steps = phaseTimeline(instance.start_date, history)
  const loading = uiStatus(instance) === 'loading'
  const progress = loading ? pullProgress(instance.status_msg) : null
  const loadingMs = loadingFor(instance, history, now)
  return (
    <div className="flex flex-col gap-1">
      {steps.length > 0 && (
        <div className="text-xs text-text-soft">
          <span className="text-muted">Seen by this browser: </span>
          <ol aria-label="Steps seen by this browser" className="inline">
            {steps.map((step, i) => (
              <li
                key={`${step.label}-${step.at}`}
                className={step.current ? 'inline font-semibold text-text' : 'inline'}
              >
                {`${i > 0 ? ' → ' : ''}${step.label} ${step.firstSeen ? 'first seen ' : ''}${formatWhen(step.at, now)}${
                  step.tookMs === null ? '' : `, took ${formatSpan(step.tookMs)}`
                }`}
              </li>
            ))}
          </ol>
        </div>
      )}
      {progress !== null && (
        <div className="flex items-center gap-2 text-xs text-text-soft">
          <progress
            aria-label="Image pull progress"
            max={100}
            value={Math.round(progress * 100)}
            className="h-2 w-40"
          />
          <span>{Math.round(progress * 100)}%</span>
        </div>
      )}
      {loadingMs !== null && loadingMs > LOADING_WARN_MS && (
        <p className="rounded border border-warning-border bg-warning-soft px-2 py-1 text-xs text-warning-text">
          Loading for {formatSpan(loadingMs)}, longer than usual. The image may be very large or the
          host slow or stuck. Loading bills no GPU time but storage bills; destroy it if it does not
          move.
        </p>
      )}
    </div>
  )
}
