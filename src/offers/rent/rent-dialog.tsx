import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useId, useRef, useState, type ReactNode } from 'react'
import { rentOffer, type RentInput } from '../../api/endpoints'
import { isApiError, type ApiError } from '../../api/errors'
import { useApiMutation } from '../../api/mutation'
import { checkRentOutcome, knownInstanceIds, type RentOutcome } from '../../api/rent-outcome'
import { accountQueries, instanceQueries, offerQueries } from '../../api/queries'
import type { Offer } from '../../api/schemas'
import { Button } from '../../ui/button'
import { Dialog } from '../../ui/dialog'
import { Field, inputClass } from '../../ui/field'
import { formatRate, formatUsd } from '../../ui/format'
import { showToast } from '../../ui/toast-store'
import { formatPrice, gpuSummary, isVerified, offerReliability } from '../offer-format'
import { defaultBid, rentCost } from '../rent-cost'
import { GUARD_CONFIRM_WORD } from '../../api/spend-guards'
import {
  armAutoStop,
  AutoStopFields,
  GuardConfirm,
  NO_AUTO_STOP,
  parseAutoStopHours,
  useGuardViolations,
  type AutoStopDraft,
} from './rent-safety'
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
  type RentContext,
  type RentDraft,
} from './rent-form'
import { useTemplateChoice, type TemplateChoice } from '../templates/template-choice-store'

/**
 * Failures where Vast certainly created nothing, so the user may correct and send again. After
 * any other failure (network, server, parse…) Vast may or may not have rented: never resend.
 */
const REFUSED_KINDS: ReadonlySet<ApiError['kind']> = new Set(['validation', 'auth', 'rate_limited'])

interface RentVars {
  offerId: number
  input: RentInput
}

/** Every offer search (not the GPU name list, which a rental does not change). */
const invalidateOfferSearches = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({
    queryKey: offerQueries.all(),
    predicate: (query) => query.queryKey[1] === 'search',
  })

const rent = ({ offerId, input }: RentVars) => rentOffer(offerId, input)

export interface RentDialogProps {
  offerId: number
  /** The offer as the search cache holds it now; undefined once it has left the results. */
  offer: Offer | undefined
  /** Interruptible: the user bids, and the bid is sent as `price`. */
  bid: boolean
  onClose: () => void
  onRented: (instanceId: number) => void
}

/**
 * Confirms a rental with the price in view. The request goes out once, whatever the clicks: a
 * ref is set before mutate, the button is disabled while pending, and nothing is ever retried.
 */
export function RentDialog({ offerId, offer, bid, onClose, onRented }: RentDialogProps) {
  const queryClient = useQueryClient()
  const template = useTemplateChoice()
  const [draft, setDraft] = useState<RentDraft>(() =>
    initialDraft(bid ? defaultBid(offer?.min_bid) : '', template),
  )
  const [showErrors, setShowErrors] = useState(false)
  const [autoStop, setAutoStop] = useState<AutoStopDraft>(NO_AUTO_STOP)
  const [guardTyped, setGuardTyped] = useState('')
  /** Set synchronously before mutate: a second click in the same tick sees it. */
  const sentRef = useRef(false)
  /** The same lock, for rendering. */
  const [locked, setLocked] = useState(false)
  /** After an ambiguous failure: what the fresh instance list says happened. */
  const [outcome, setOutcome] = useState<RentOutcome | 'checking' | null>(null)
  const mutation = useApiMutation(rent, {
    invalidates: [instanceQueries.all(), accountQueries.all()],
  })

  const context: RentContext = {
    bid,
    maxDiskGb: offer?.disk_space,
    minBid: offer?.min_bid,
    templateHashId: template?.hashId,
  }
  const errors = showErrors ? validateRentDraft(draft, context) : {}
  const busy = mutation.isPending
  const draftDisk = parseDisk(draft.disk)
  const draftGpu = bid ? parseBid(draft.bid) : (offer?.dph_base ?? null)
  const violations = useGuardViolations(
    offer && draftDisk !== null && draftGpu !== null
      ? rentCost({
          gpuPerHour: draftGpu,
          storageCostPerGbMonth: offer.storage_cost,
          diskGb: draftDisk,
        }).totalPerHour
      : null,
  )
  const guardBlocks = violations.length > 0 && guardTyped.trim() !== GUARD_CONFIRM_WORD
  const change = (patch: Partial<RentDraft>) => setDraft((current) => ({ ...current, ...patch }))

  const submit = () => {
    if (sentRef.current || !offer) return
    const input = toRentInput(draft, context)
    const autoStopHours = parseAutoStopHours(autoStop.hours)
    if (!input || (autoStop.mode !== 'off' && autoStopHours === null)) {
      setShowErrors(true)
      return
    }
    if (guardBlocks) return
    if (autoStop.mode !== 'off' && autoStopHours !== null) {
      // A template's start script is replaced by any onstart sent: keep it ahead of the timer.
      input.onstart = armAutoStop(
        input.onstart ?? template?.onstart ?? undefined,
        autoStop.mode,
        autoStopHours,
      )
    }
    sentRef.current = true
    const before = knownInstanceIds(queryClient)
    setOutcome(null)
    setLocked(true)
    mutation.mutate(
      { offerId, input },
      {
        onSuccess: ({ instanceId }) => {
          // The ask is gone now; refresh the search once the dialog is out of the way.
          void invalidateOfferSearches(queryClient)
          showToast(`Rented instance ${instanceId}`, 'success')
          onClose()
          onRented(instanceId)
        },
        onError: (error) => {
          const kind = isApiError(error) ? error.kind : null
          if (kind === 'offer_gone') {
            void invalidateOfferSearches(queryClient)
          } else if (kind !== null && REFUSED_KINDS.has(kind)) {
            sentRef.current = false
            setLocked(false)
          } else {
            // Maybe rented: show the truth from the instance list, never resend.
            setOutcome('checking')
            void checkRentOutcome(queryClient, offer.machine_id, before).then(setOutcome)
          }
        },
      },
    )
  }

  const title = offer ? `Rent ${gpuSummary(offer)}` : `Rent offer ${offerId}`
  const finished = locked && !busy

  return (
    <Dialog open title={title} onClose={onClose} busy={busy} className="max-w-xl">
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault()
          submit()
        }}
      >
        {offer ? (
          <>
            <OfferFacts offer={offer} />
            {template && <TemplateFacts template={template} />}
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
              {!template && (
                <LaunchMode value={draft.runtype} onChange={(runtype) => change({ runtype })} />
              )}
              <AutoStopFields value={autoStop} onChange={setAutoStop} showErrors={showErrors} />
            </div>
            <CostPreview offer={offer} draft={draft} bid={bid} />
            <GuardConfirm violations={violations} typed={guardTyped} onTyped={setGuardTyped} />
          </>
        ) : (
          <p className="text-sm text-text-soft">This offer is no longer in the search results.</p>
        )}

        {showErrors && hasErrors(errors) && (
          <p className="text-sm text-danger">Please correct the fields marked above.</p>
        )}
        {mutation.isError && <RentFailure error={mutation.error} outcome={outcome} />}
        {busy && (
          <p role="status" className="text-sm text-text-soft">
            Sending the rental to Vast…
          </p>
        )}

        <div className="flex justify-end gap-2 border-t border-border pt-3">
          <Button onClick={onClose} disabled={busy}>
            {finished ? 'Close' : 'Cancel'}
          </Button>
          <Button
            type="submit"
            variant="primary"
            disabled={busy || locked || !offer || guardBlocks}
          >
            Rent
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

function OfferFacts({ offer }: { offer: Offer }) {
  const reliability = offerReliability(offer)
  const facts = [
    `Offer ${offer.id}`,
    offer.geolocation,
    reliability == null ? null : `${(reliability * 100).toFixed(1)}% reliability`,
    isVerified(offer) ? 'Verified' : 'Unverified',
  ].filter((fact): fact is string => Boolean(fact))
  return <p className="-mt-1 text-sm text-muted">{facts.join(' · ')}</p>
}

/** Renting with a template: it sets the launch mode, environment and start script. */
function TemplateFacts({ template }: { template: TemplateChoice }) {
  return (
    <p className="rounded-md border border-accent-border bg-accent-soft px-3 py-2 text-sm text-text">
      Template: <strong>{template.name}</strong>
      {template.image ? ` (${template.image})` : ''}. Its launch mode, environment and start script
      apply.
    </p>
  )
}

function LaunchMode({
  value,
  onChange,
}: {
  value: RentInput['runtype']
  onChange: (value: RentInput['runtype']) => void
}) {
  const name = useId()
  const hintId = `${name}-hint`
  const options: { value: RentInput['runtype']; label: string }[] = [
    { value: 'ssh', label: 'SSH' },
    { value: 'jupyter', label: 'Jupyter' },
  ]
  return (
    <fieldset
      role="radiogroup"
      className="flex flex-col gap-1 sm:col-span-2"
      aria-describedby={hintId}
    >
      <legend className="mb-1 text-sm font-medium text-text">Launch mode</legend>
      <div className="flex gap-4">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm text-text">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              className="size-4 accent-accent"
              onChange={() => onChange(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
      <p id={hintId} className="text-xs text-muted">
        SSH gives a terminal; Jupyter adds a notebook in the browser (SSH still works).
      </p>
    </fieldset>
  )
}

function CostPreview({ offer, draft, bid }: { offer: Offer; draft: RentDraft; bid: boolean }) {
  const disk = parseDisk(draft.disk)
  const gpu = bid ? parseBid(draft.bid) : offer.dph_base
  const cost =
    disk !== null && gpu !== null
      ? rentCost({ gpuPerHour: gpu, storageCostPerGbMonth: offer.storage_cost, diskGb: disk })
      : null
  const dash = '—'
  return (
    <section
      aria-label="Cost preview"
      className="rounded-md border border-border bg-surface-muted px-3 py-2"
    >
      <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm">
        <CostRow
          term={bid ? 'GPU (your bid)' : 'GPU'}
          value={gpu === null ? dash : formatRate(gpu)}
        />
        <CostRow
          term={`Storage (${disk ?? dash} GB at ${formatPrice(offer.storage_cost)}/GB/month)`}
          value={cost ? formatRate(cost.storagePerHour) : dash}
        />
        <CostRow term="Total" value={cost ? formatRate(cost.totalPerHour) : dash} strong />
        <CostRow term="Per day" value={cost ? `${formatUsd(cost.totalPerDay)}/day` : dash} />
      </dl>
      <p className="mt-2 border-t border-border pt-2 text-sm text-text-soft">
        {cost
          ? `While stopped: ${formatUsd(cost.storagePerDay)}/day for storage`
          : 'While stopped: storage keeps billing'}{' '}
        until you destroy the instance.
      </p>
    </section>
  )
}

function CostRow({
  term,
  value,
  strong = false,
}: {
  term: ReactNode
  value: string
  strong?: boolean
}) {
  return (
    <>
      <dt className={strong ? 'font-semibold text-text' : 'text-text-soft'}>{term}</dt>
      <dd
        className={
          strong
            ? 'text-right font-semibold text-text tabular-nums'
            : 'text-right text-text tabular-nums'
        }
      >
        {value}
      </dd>
    </>
  )
}

function RentFailure({
  error,
  outcome,
}: {
  error: ApiError
  outcome: RentOutcome | 'checking' | null
}) {
  const kind = isApiError(error) ? error.kind : null
  let message: string
  if (kind === 'offer_gone') {
    message =
      'This offer was just taken by someone else. The offer list has been refreshed: please pick another offer.'
  } else if (kind !== null && REFUSED_KINDS.has(kind)) {
    message = `Vast did not rent this offer: ${error.message}`
  } else {
    message = `${error.message} The rental may or may not have gone through, so it was not sent again. ${ambiguousOutcomeText(outcome)}`
  }
  return (
    <p
      role="alert"
      className="rounded-md border border-danger-border bg-danger-soft px-3 py-2 text-sm text-danger-text"
    >
      {message}
    </p>
  )
}

function ambiguousOutcomeText(outcome: RentOutcome | 'checking' | null): string {
  if (outcome === 'checking' || outcome === null) return 'Checking your instances…'
  if (outcome.kind === 'appeared')
    return `It did: instance ${outcome.instanceId} has appeared in your Instances list.`
  if (outcome.kind === 'absent')
    return 'No new instance has appeared in your Instances list. Check it again in a minute before renting again.'
  return 'Your instances could not be read either: check the Instances list before renting again.'
}

/** Environment variables and port mappings, one a line (parsed by `parseEnv`). */
function EnvField({
  value,
  error,
  onChange,
}: {
  value: string
  error: string | undefined
  onChange: (value: string) => void
}) {
  const id = useId()
  return (
    <div className="flex flex-col gap-1 sm:col-span-2">
      <label htmlFor={id} className="text-sm font-medium text-text">
        Environment
      </label>
      <textarea
        id={id}
        rows={3}
        className={inputClass}
        value={value}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={`${id}-hint`} className="text-xs text-muted">
        Optional. One per line: NAME=value, or -p 8080:8080 to open a port. Variables reach the
        container, not SSH logins.
      </p>
      {error && (
        <p id={`${id}-error`} className="text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  )
}
