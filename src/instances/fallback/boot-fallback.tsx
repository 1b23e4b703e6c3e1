import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { Instance } from '../../api/instances/schemas'
import { instanceQueries } from '../../api/instances/queries'
import type { Offer } from '../../api/offers/schemas'
import { claimFallback, usePlan, type RentalPlan } from '../../api/rental-plans-store'
import { useObserved } from '../../api/status-history-store'
import { bootOverdue, overdueText, type NextBestMatch } from '../../domain/market/boot-fallback'
import { uiStatus } from '../../domain/instance-status'
import { Button } from '../../ui/button'
import { Notice } from '../../ui/notice'
import { showToast } from '../../ui/toast-store'
import { useNow } from '../../ui/use-now'
import { useDeliverEvents } from '../inbox-store'
import { useHeldReason } from './auto-fallback'
import { FallbackDialog } from './fallback-dialog'
import { findNextBest, replaceRental } from './replace-rental'

/**
 * On a rental that is not running by its boot deadline: says so, and offers to destroy it and
 * rent the next best match (one confirmation listing both). Nothing for other instances.
 */
export function BootFallback({ instance }: { instance: Instance }) {
  const plan = usePlan(instance.id)
  const history = useObserved(instance.id)?.history
  const now = useNow(15_000)
  const heldReason = useHeldReason(instance.id)
  if (!plan) return null
  const overdue = bootOverdue({
    rentedAt: plan.rentedAt,
    deadlineSeconds: plan.deadlineSeconds,
    now,
    status: uiStatus(instance),
    everRan: history?.some((s) => s.status === 'running') ?? false,
  })
  if (!overdue) return null
  return (
    <Notice tone="warning" className="flex flex-col items-start gap-2">
      <p>{overdueText({ seconds: plan.deadlineSeconds, usualSeconds: plan.usualSeconds })}.</p>
      {plan.spent ? (
        <p className="text-xs">This rental&apos;s fallback was used: see Events.</p>
      ) : (
        <>
          {plan.auto && (
            <p className="text-xs">
              {heldReason
                ? `Automatic fallback waiting: ${heldReason}`
                : 'It will be destroyed and the next best match rented automatically (once).'}
            </p>
          )}
          <FallbackButton instance={instance} plan={plan} />
        </>
      )}
    </Notice>
  )
}

type Step =
  | { kind: 'idle' }
  | { kind: 'finding' }
  | { kind: 'held'; reason: string }
  | { kind: 'confirm'; match: NextBestMatch<Offer> }

function FallbackButton({ instance, plan }: { instance: Instance; plan: RentalPlan }) {
  const client = useQueryClient()
  const deliver = useDeliverEvents()
  const [step, setStep] = useState<Step>({ kind: 'idle' })

  const find = async () => {
    setStep({ kind: 'finding' })
    const count = client.getQueryData(instanceQueries.list().queryKey)?.instances.length ?? 1
    const found = await findNextBest(plan, count)
    setStep(found.kind === 'found' ? { kind: 'confirm', match: found.match } : found)
  }

  const replace = async (match: NextBestMatch<Offer>) => {
    if (!claimFallback(plan.instanceId)) {
      setStep({ kind: 'held', reason: 'The fallback of this rental was already used.' })
      return
    }
    const outcome = await replaceRental(client, plan, match)
    deliver([{ id: plan.instanceId, kind: 'boot_fallback', at: Date.now(), note: outcome.text }])
    showToast(
      `Instance ${plan.instanceId}: ${outcome.text}`,
      outcome.instanceId ? 'success' : 'error',
    )
    setStep({ kind: 'idle' })
  }

  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        disabled={step.kind === 'finding'}
        onClick={() => void find()}
      >
        {step.kind === 'finding'
          ? 'Finding the next best match…'
          : 'Destroy and rent the next best match'}
      </Button>
      {step.kind === 'held' && (
        <p role="alert" className="text-xs">
          {step.reason}
        </p>
      )}
      {step.kind === 'confirm' && (
        <FallbackDialog
          instance={instance}
          match={step.match}
          onCancel={() => setStep({ kind: 'idle' })}
          onConfirm={() => replace(step.match)}
        />
      )}
    </>
  )
}
