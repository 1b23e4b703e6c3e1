import { useId, useState } from 'react'
import {
  HIDDEN_WATCH_INTERVAL_MIN,
  MIN_WATCH_INTERVAL_MIN,
  watchThreshold,
} from '../../domain/market/watch'
import { formatPrice } from '../../domain/format'
import { Button } from '../../ui/button'
import { CheckboxField } from '../../ui/checkbox-field'
import { Field } from '../../ui/field'
import { SelectField } from '../../ui/select-field'
import { useQueryClient } from '@tanstack/react-query'
import { readSavedSearches } from '../filters/saved-searches'
import { ArmDialog } from './arm-dialog'
import { alertText, runWatch } from './watch-runner'
import {
  dismissAlert,
  setArmed,
  stopWatching,
  useAlerts,
  useWatches,
  watchSearch,
  type PriceAlert,
  type Watch,
} from './watch-store'

const ruleText = (w: Watch) => {
  const threshold = watchThreshold(w)
  if (w.maxPerHour !== null) return `at or under ${formatPrice(w.maxPerHour)}/hr`
  return threshold === null
    ? `${w.dropPercent}% under the cheapest of its first check`
    : `${w.dropPercent}% under ${formatPrice(w.baseline ?? 0)}/hr (≤ ${formatPrice(threshold)}/hr)`
}

/**
 * Price watches on saved searches: set one, see each watch's last check, and act on alerts
 * ("Rent" opens the rent dialog on the offer, with the saved search's settings).
 */
export function WatchesPanel({ onRent }: { onRent: (alert: PriceAlert) => void }) {
  const watches = useWatches()
  const alerts = useAlerts()
  const headingId = useId()
  // The form reads the saved searches afresh each time the panel opens.
  const [opened, setOpened] = useState(0)
  const [arming, setArming] = useState<Watch | null>(null)
  const client = useQueryClient()
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-md border border-border bg-surface px-3 py-2 text-sm"
    >
      <details onToggle={() => setOpened((n) => n + 1)}>
        <summary className="cursor-pointer font-medium text-text">
          <span id={headingId}>Price watches ({watches.length})</span>
        </summary>
        <p className="mt-1 text-xs text-text-soft">
          Watched searches run while the app is open in any tab, one at a time and at least{' '}
          {MIN_WATCH_INTERVAL_MIN} minutes apart each; while this tab is hidden they run every{' '}
          {HIDDEN_WATCH_INTERVAL_MIN} minutes.
        </p>
        <WatchForm key={opened} />
        <ul aria-label="Watched searches" className="mt-2 flex flex-col gap-1">
          {watches.map((w) => (
            <li key={w.id} className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{w.name}</span>
              <span className="text-text-soft">{ruleText(w)}</span>
              <span className="text-xs text-muted">
                {w.lastError
                  ? `last check failed: ${w.lastError}`
                  : w.lastRunAt
                    ? `checked ${new Date(w.lastRunAt).toLocaleTimeString()}`
                    : 'not checked yet'}
              </span>
              {w.armed ? (
                <>
                  <span className="font-medium text-warning-text">
                    Armed: rents one at ≤ {formatPrice(w.armed.maxPerHour)}/hr
                  </span>
                  <Button size="sm" onClick={() => setArmed(w.id, null)}>
                    Disarm {w.name}
                  </Button>
                </>
              ) : (
                w.maxPerHour !== null && (
                  <Button size="sm" onClick={() => setArming(w)}>
                    Rent it for me: arm {w.name}
                  </Button>
                )
              )}
              <Button size="sm" onClick={() => void runWatch(client, w.id)}>
                Check {w.name} now
              </Button>
              <Button size="sm" onClick={() => stopWatching(w.id)}>
                Stop watching {w.name}
              </Button>
            </li>
          ))}
        </ul>
      </details>
      {arming && <ArmDialog watch={arming} onClose={() => setArming(null)} />}
      {alerts.length > 0 && (
        <ul role="log" aria-label="Price alerts" className="mt-2 flex flex-col gap-1">
          {alerts.map((alert) => (
            <li key={alert.id} className="flex flex-wrap items-center gap-2">
              <span>{alert.outcome ?? alertText(alert)}</span>
              {alert.outcome === undefined && (
                <Button size="sm" variant="primary" onClick={() => onRent(alert)}>
                  Rent offer {alert.offerId}
                </Button>
              )}
              <Button size="sm" onClick={() => dismissAlert(alert.id)}>
                Dismiss
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function WatchForm() {
  const [saved] = useState(readSavedSearches)
  const [name, setName] = useState(saved[0]?.name ?? '')
  const [maxPrice, setMaxPrice] = useState('')
  const [drop, setDrop] = useState('')
  const [interval, setInterval] = useState(String(MIN_WATCH_INTERVAL_MIN))
  const [notify, setNotify] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (saved.length === 0)
    return <p className="mt-2 text-xs text-text-soft">Save a search to watch it.</p>
  const submit = () => {
    const chosen = saved.find((s) => s.name === name)
    const max = maxPrice.trim() === '' ? null : Number(maxPrice)
    const pct = drop.trim() === '' ? null : Number(drop)
    const minutes = Number(interval)
    if (!chosen) return setError('Choose a saved search.')
    if ((max === null) === (pct === null))
      return setError('Give either a price or a percentage under the cheapest.')
    if (max !== null && !(max > 0)) return setError('The price must be above $0.')
    if (pct !== null && !(pct > 0 && pct < 100)) return setError('The percentage must be 1–99.')
    if (!(minutes >= MIN_WATCH_INTERVAL_MIN))
      return setError(`Check at most every ${MIN_WATCH_INTERVAL_MIN} minutes.`)
    setError(null)
    watchSearch({
      name: chosen.name,
      query: chosen.query,
      maxPerHour: max,
      dropPercent: pct,
      baseline: null,
      intervalMin: minutes,
      notify,
    })
    if (notify && typeof Notification !== 'undefined' && Notification.permission === 'default')
      void Notification.requestPermission()
  }
  return (
    <form
      className="mt-2 flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
    >
      <SelectField
        label="Saved search to watch"
        options={saved.map((s) => ({ value: s.name, label: s.name }))}
        value={name}
        onValueChange={setName}
      />
      <Field
        label="Alert at or under ($/hr)"
        inputMode="decimal"
        value={maxPrice}
        onChange={(e) => setMaxPrice(e.target.value)}
      />
      <Field
        label="Or % under the cheapest of its first check"
        inputMode="decimal"
        value={drop}
        onChange={(e) => setDrop(e.target.value)}
      />
      <Field
        label="Check every (minutes)"
        type="number"
        min={MIN_WATCH_INTERVAL_MIN}
        value={interval}
        onChange={(e) => setInterval(e.target.value)}
      />
      <CheckboxField
        label="Notify me (browser notification)"
        checked={notify}
        onChange={(e) => setNotify(e.target.checked)}
      />
      <Button type="submit" size="sm">
        Watch
      </Button>
      <p role="status" className="w-full text-xs text-danger">
        {error}
      </p>
    </form>
  )
}
