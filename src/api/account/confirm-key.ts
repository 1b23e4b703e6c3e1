/**
 * Before the app treats a 401/403 as "the key was revoked" it asks `GET /users/current/` once
 * with the same key (vast-api-notes, "401/403 is not only bad key"). Concurrent failures share
 * one confirmation.
 */
import { readApiKey } from '../api-key-store'
import { isApiError, isTwoFactorRequired, type ApiError } from '../errors'
import { getAccount } from './endpoints'

let inFlight: Promise<boolean> | null = null

/**
 * True only when the key itself no longer works: users/current also answers an auth failure.
 * A 2FA 401 never signs out; a network failure during the check is not a confirmation.
 */
export function confirmKeyRejected(error: ApiError): Promise<boolean> {
  if (isTwoFactorRequired(error)) return Promise.resolve(false)
  if (inFlight) return inFlight
  const key = readApiKey()
  if (!key) return Promise.resolve(true)
  inFlight = getAccount({ key })
    .then(
      () => false,
      (failure: unknown) =>
        isApiError(failure) && failure.kind === 'auth' && !isTwoFactorRequired(failure),
    )
    .finally(() => {
      inFlight = null
    })
  return inFlight
}
