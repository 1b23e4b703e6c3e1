import { useEffect, useId, useRef, useState } from 'react'
import { useRestoredAt } from '../../api/device-cache'
import { instanceQueries } from '../../api/instances/queries'
import { RUNTYPES } from '../../api/offers/endpoints'
import type { Offer } from '../../api/offers/schemas'
import { GUARD_CONFIRM_WORD } from '../../domain/spend-guards'
import { Button } from '../../ui/button'
import { Dialog } from '../../ui/dialog'
import { Field } from '../../ui/field'
import { CheckboxField } from '../../ui/checkbox-field'
import { formatRate } from '../../domain/format'
import { gpuSummary } from '../offer-format'
import { defaultBid, matchListing, rentCost } from '../../domain/money/rent-cost'
import { DEFAULT_DISK_GB } from '../filters/offer-filters'
import { AfterRenting, SshKeyCheck } from './rent-checks'
import { rememberTemplate } from '../templates/recent-templates'
import { useTemplateChoice, type TemplateChoice } from '../templates/template-choice-store'
import { TemplatePicker } from '../templates/template-picker'
import { CostPreview } from './rent-cost-preview'
import { RentFailure } from './rent-failure'
import { EnvField, LaunchMode, OfferFacts } from './rent-fields'
import {
  hasErrors,
  initialDraft,
  MAX_BID,
  MAX_LABEL_LENGTH,
  MIN_BID,
  MIN_DISK_GB,
  parseBid,
  parseDisk,
  toRentInput,
  validateRentDraft,
  withTemplate,
  type RentContext,
  type RentDraft,
} from './rent-form'
import { GuardConfirm, useGuardViolations } from './rent-safety'
import { NO_WATCHDOG, type WatchdogDraft } from '../../domain/watchdog-draft'
import { armWatchdog, RentWatchdog, useRentWatchdog, type LaunchChoice } from './rent-watchdog'
import { useRentSubmission } from './use-rent-submission'
import { SAVED_LIST_FOR_RENT, useRentWait } from '../rent-wait'
import { FallbackOption, useRentFallback } from './rent-fallback'
import type { OfferFilters } from '../filters/offer-filters'

export interface RentDialogProps {
  offerId: number
  /** The offer as the search cache holds it now; undefined once it has left the results. */
  offer: Offer | undefined
  /** Interruptible: the user bids, and the bid is sent as `price`. */
  bid: boolean
  /** The search the offer came from (a late rental's fallback re-runs it). */
  search?: OfferFilters
  onClose: () => void
  onRented: (instanceId: number) => void
}

/**
 * Confirms a rental with the price in view. The request goes out once, whatever the clicks (see
 * `useRentSubmission`): the button is disabled while pending, and nothing is ever retried.
 */
export function RentDialog({ offerId, offer, bid, search, onClose, onRented }: RentDialogProps) {
  // The template chosen on the Account tab, if any, until one is picked here.
  const chosenForNext = useTemplateChoice()
  const [template, setTemplate] = useState(chosenForNext)
  const [draft, setDraft] = useState<RentDraft>(() =>
    initialDraft(bid ? defaultBid(offer?.min_bid) : '', template),
  )
  const [showErrors, setShowErrors] = useState(false)
  const [autoStop, setAutoStop] = useState<WatchdogDraft>(NO_WATCHDOG)
  const [launchChoice, setLaunchChoice] = useState<LaunchChoice | null>(null)
  const [guardTyped, setGuardTyped] = useState('')
  const [stoppedIfUnavailable, setStoppedIfUnavailable] = useState(false)
  const fallback = useRentFallback(offer, search)
  const submission = useRentSubmission({
    offerId,
    onRented: (instanceId) => {
      if (template) rememberTemplate(template)
      fallback.rented(instanceId)
      onClose()
      onRented(instanceId)
    },
  })

  const context: RentContext = {
    bid,
    maxDiskGb: offer?.disk_space,
    minBid: offer?.min_bid,
    templateHashId: template?.hashId,
  }
  const errors = showErrors ? validateRentDraft(draft, context) : {}
  const busy = submission.busy
  // The cost, computed once: the preview shows it and the spend guards check it.
  const disk = parseDisk(draft.disk)
  const gpu = bid ? parseBid(draft.bid) : (offer?.dph_base ?? null)
  // At the listed disk and price the list's own total is used, so the row and dialog agree.
  const cost =
    offer && disk !== null && gpu !== null
      ? matchListing(
          rentCost({ gpuPerHour: gpu, storageCostPerGbMonth: offer.storage_cost, diskGb: disk }),
          { dphTotal: bid ? null : offer.dph_total, diskGb: DEFAULT_DISK_GB },
          disk,
        )
      : null
  const violations = useGuardViolations(cost ? cost.totalPerHour : null)
  const userOnstart = template?.onstart ?? undefined
  const watchdog = useRentWatchdog(autoStop, cost ? cost.totalPerHour : null, userOnstart, {
    runtype: template ? template.runtype : RUNTYPES[draft.runtype],
    fromTemplate: template !== null,
    choice: launchChoice,
  })
  const guardBlocks = violations.length > 0 && guardTyped.trim() !== GUARD_CONFIRM_WORD
  // Nothing is rented from answers kept on the device: the offer, and the instance list the
  // guards and the after-renting figures count, must be Vast's current ones.
  const listSaved = useRestoredAt(instanceQueries.list().queryKey) !== null
  const wait = useRentWait() ?? (listSaved ? SAVED_LIST_FOR_RENT : null)
  const waitId = useId()
  const change = (patch: Partial<RentDraft>) => setDraft((current) => ({ ...current, ...patch }))
  const pickTemplate = (choice: TemplateChoice | null) => {
    setTemplate(choice)
    change(withTemplate(choice))
  }

  const submit = () => {
    if (submission.locked || !offer || wait !== null) return
    const input = toRentInput(draft, context)
    if (!input || !watchdog.ok) {
      setShowErrors(true)
      return
    }
    if (guardBlocks) return
    input.cancelUnavail = !(bid && stoppedIfUnavailable)
    // A template's start script is replaced by any onstart sent: keep it after the watchdog.
    armWatchdog(input, autoStop, input.onstart ?? userOnstart, watchdog)
    fallback.sending(input, cost ? cost.totalPerHour : null)
    submission.send(input, offer.machine_id)
  }

  // Ctrl/Cmd+Enter anywhere in the form rents (the latest `submit`, through a ref).
  const submitRef = useRef(submit)
  useEffect(() => {
    submitRef.current = submit
  })
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => {
    const form = formRef.current
    if (!form) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return
      event.preventDefault()
      submitRef.current()
    }
    form.addEventListener('keydown', onKey)
    return () => form.removeEventListener('keydown', onKey)
  }, [])

  const title = offer ? `Rent ${gpuSummary(offer)}` : `Rent offer ${offerId}`

  return (
    <Dialog open title={title} onClose={onClose} busy={busy} className="max-w-xl">
      {offer && <SshKeyCheck />}
      {/* Enter in a field never rents: only the Rent button or Ctrl/Cmd+Enter do. */}
      <form
        noValidate
        className="mt-3 flex flex-col gap-4"
        ref={formRef}
        onSubmit={(event) => event.preventDefault()}
      >
        {offer ? (
          <>
            <OfferFacts offer={offer} />
            <TemplatePicker value={template} onChange={pickTemplate} />
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              <Field
                label={template ? "Image (optional: overrides the template's)" : 'Docker image'}
                className="sm:col-span-2"
                value={draft.image}
                autoComplete="off"
                spellCheck={false}
                hint={
                  template
                    ? `Leave empty to run ${template.image ?? 'the template’s image'}.`
                    : undefined
                }
                error={errors.image}
                onChange={(event) => change({ image: event.target.value })}
              />
              <Field
                label="Disk (GB)"
                type="number"
                inputMode="numeric"
                min={MIN_DISK_GB}
                max={offer.disk_space == null ? undefined : Math.floor(offer.disk_space)}
                step={1}
                value={draft.disk}
                hint={`At least ${MIN_DISK_GB} GB. Cannot be changed after renting.`}
                error={errors.disk}
                onChange={(event) => change({ disk: event.target.value })}
              />
              <Field
                label="Label"
                value={draft.label}
                autoComplete="off"
                hint={`Optional, up to ${MAX_LABEL_LENGTH} characters.`}
                error={errors.label}
                onChange={(event) => change({ label: event.target.value })}
              />
              <EnvField value={draft.env} error={errors.env} onChange={(env) => change({ env })} />
              {bid && (
                <Field
                  label="Bid ($/hr)"
                  inputMode="decimal"
                  autoComplete="off"
                  value={draft.bid}
                  hint={
                    offer.min_bid == null
                      ? `Between $${MIN_BID} and $${MAX_BID} per hour.`
                      : `This offer's minimum is ${formatRate(offer.min_bid)}. A higher bid elsewhere can stop your instance.`
                  }
                  error={errors.bid}
                  onChange={(event) => change({ bid: event.target.value })}
                />
              )}
              {bid && (
                <CheckboxField
                  label="If the bid cannot start now, create a stopped instance instead"
                  className="sm:col-span-2"
                  checked={stoppedIfUnavailable}
                  onChange={(event) => setStoppedIfUnavailable(event.target.checked)}
                />
              )}
              {!template && (
                <LaunchMode value={draft.runtype} onChange={(runtype) => change({ runtype })} />
              )}
              <RentWatchdog
                value={autoStop}
                onChange={setAutoStop}
                showErrors={showErrors}
                watchdog={watchdog}
                onLaunchChoice={setLaunchChoice}
              />
            </div>
            {!bid && fallback.deadline && (
              <FallbackOption
                deadline={fallback.deadline}
                checked={fallback.auto}
                onChange={fallback.setAuto}
              />
            )}
            <CostPreview offer={offer} bid={bid} disk={disk} gpu={gpu} cost={cost} />
            <AfterRenting perHour={cost ? cost.totalPerHour : null} />
            <GuardConfirm violations={violations} typed={guardTyped} onTyped={setGuardTyped} />
          </>
        ) : (
          <p className="text-sm text-text-soft">This offer is no longer in the search results.</p>
        )}

        {showErrors && hasErrors(errors) && (
          <p className="text-sm text-danger">Please correct the fields marked above.</p>
        )}
        {submission.error && <RentFailure error={submission.error} outcome={submission.outcome} />}
        {busy && (
          <p role="status" className="text-sm text-text-soft">
            Sending the rental to Vast…
          </p>
        )}
        {wait !== null && (
          <p id={waitId} className="text-sm text-text-soft">
            {wait}
          </p>
        )}

        <div className="sticky bottom-0 -mx-5 -mb-5 flex items-center justify-end gap-2 border-t border-border bg-surface px-5 py-3">
          <span className="mr-auto text-xs text-muted">
            {cost && (
              <span className="font-semibold text-text">{formatRate(cost.totalPerHour)}</span>
            )}
            <span className="hidden sm:inline">{cost ? ' · ' : ''}Ctrl+Enter rents</span>
          </span>
          <Button onClick={onClose} disabled={busy}>
            {submission.finished ? 'Close' : 'Cancel'}
          </Button>
          <Button
            variant="primary"
            aria-keyshortcuts="Control+Enter Meta+Enter"
            disabled={busy || submission.locked || !offer || guardBlocks || wait !== null}
            aria-describedby={wait === null ? undefined : waitId}
            onClick={submit}
          >
            Rent
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
