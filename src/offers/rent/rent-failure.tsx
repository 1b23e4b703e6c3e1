import { isApiError, type ApiError } from '../../api/errors'
import { Notice } from '../../ui/notice'
import { REFUSED_KINDS, type RentCheck } from './use-rent-submission'

/** Why the rental failed, and after an ambiguous failure, whether an instance appeared. */
export function RentFailure({ error, outcome }: { error: ApiError; outcome: RentCheck }) {
  const kind = isApiError(error) ? error.kind : null
  let message: string
  if (kind === 'offer_gone') {
    message =
      'This offer was just taken by someone else. The offer list has been refreshed: please pick another offer.'
  } else if (error.code === 'rent_in_progress') {
    // Held by this browser, not refused by Vast: nothing was sent.
    message = error.message
  } else if (kind !== null && REFUSED_KINDS.has(kind)) {
    message = `Vast did not rent this offer: ${error.message}`
  } else {
    message = `${error.message} The rental may or may not have gone through, so it was not sent again. ${ambiguousOutcomeText(outcome)}`
  }
  return (
    <Notice tone="danger" role="alert">
      {message}
    </Notice>
  )
}

function ambiguousOutcomeText(outcome: RentCheck): string {
  if (outcome === 'checking' || outcome === null) return 'Checking your instances…'
  if (outcome.kind === 'appeared')
    return `It did: instance ${outcome.instanceId} has appeared in your Instances list.`
  if (outcome.kind === 'absent')
    return 'No new instance has appeared in your Instances list. Check it again in a minute before renting again.'
  return 'Your instances could not be read either: check the Instances list before renting again.'
}
