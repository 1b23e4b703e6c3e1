import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { rentOffer, type RentInput } from '../../api/offers/endpoints'
import { isApiError, type ApiError } from '../../api/errors'
import { useApiMutation } from '../../api/mutation'
import { accountQueries } from '../../api/account/queries'
import { instanceQueries } from '../../api/instances/queries'
import { offerQueries } from '../../api/offers/queries'
import { checkRentOutcome, knownInstanceIds, type RentOutcome } from '../../api/rent-outcome'
import { showToast } from '../../ui/toast-store'

/**
 * Failures where Vast certainly created nothing, so the user may correct and send again. After
 * any other failure (network, server, parse…) Vast may or may not have rented: never resend.
 */
export const REFUSED_KINDS: ReadonlySet<ApiError['kind']> = new Set([
  'validation',
  'auth',
  'rate_limited',
])

/** After an ambiguous failure: what the fresh instance list says happened. */
export type RentCheck = RentOutcome | 'checking' | null

interface RentVars {
  offerId: number
  input: RentInput
}

const rent = ({ offerId, input }: RentVars) => rentOffer(offerId, input)

/** Every offer search (not the GPU name list, which a rental does not change). */
const invalidateOfferSearches = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({
    queryKey: offerQueries.all(),
    predicate: (query) => query.queryKey[1] === 'search',
  })

export interface RentSubmissionOptions {
  offerId: number
  onRented: (instanceId: number) => void
}

/**
 * The send-once state machine of a rental: idle → sending → rented | refused (may send again) |
 * taken | ambiguous (checking the instance list, never resent). The lock is a ref set before
 * mutate, so a second click in the same tick sees it; nothing is ever retried.
 */
export function useRentSubmission({ offerId, onRented }: RentSubmissionOptions) {
  const queryClient = useQueryClient()
  const sentRef = useRef(false)
  /** The same lock, for rendering. */
  const [locked, setLocked] = useState(false)
  const [outcome, setOutcome] = useState<RentCheck>(null)
  const mutation = useApiMutation(rent, {
    invalidates: [instanceQueries.all(), accountQueries.all()],
  })

  /**
   * Sends the rental unless one was already sent from this dialog; returns whether it went.
   * `machineId` (the offer's machine) recognises its instance after an ambiguous failure.
   */
  const send = (input: RentInput, machineId: number | null | undefined): boolean => {
    if (sentRef.current) return false
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
            void checkRentOutcome(queryClient, machineId, before).then(setOutcome)
          }
        },
      },
    )
    return true
  }

  return {
    send,
    /** The request is in flight. */
    busy: mutation.isPending,
    /** Sent and not refused: the Rent button stays disabled. */
    locked,
    /** Sent, and the answer (or failure) is in. */
    finished: locked && !mutation.isPending,
    error: mutation.isError ? mutation.error : null,
    outcome,
  }
}
