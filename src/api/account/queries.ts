/**
 * The account's queries, and the combined view's reads for the other held accounts (their key
 * read at call time, never part of a query key).
 */
import { queryOptions } from '@tanstack/react-query'
import { readAccountKey } from '../api-key-store'
import { ApiError } from '../errors'
import { listInstances } from '../instances/endpoints'
import { getAccount } from './endpoints'

export const accountQueries = {
  all: () => ['account'] as const,
  current: () =>
    queryOptions({
      queryKey: [...accountQueries.all(), 'current'],
      queryFn: ({ signal }) => getAccount({ signal }),
    }),
}

/** Another held account's key, read at call time (never part of a query key). */
function keyOf(accountId: string): string {
  const key = readAccountKey(accountId)
  if (!key) throw new ApiError('auth', 'This account is no longer held in this browser.')
  return key
}

/** How often the combined view refreshes accounts other than the active one. */
export const OTHER_ACCOUNT_POLL_MS = 60_000

/**
 * The combined view's reads for accounts other than the active one: slow, whole-list polls with
 * that account's key. Their auth failures are that account's own (`meta.account`), not the
 * active key being revoked.
 */
export const otherAccountQueries = {
  all: () => ['other-accounts'] as const,
  account: (accountId: string) =>
    queryOptions({
      queryKey: [...otherAccountQueries.all(), accountId, 'current'],
      queryFn: ({ signal }) => getAccount({ key: keyOf(accountId), signal }),
      refetchInterval: OTHER_ACCOUNT_POLL_MS,
      refetchIntervalInBackground: false,
      meta: { account: accountId },
    }),
  instances: (accountId: string) =>
    queryOptions({
      queryKey: [...otherAccountQueries.all(), accountId, 'instances'],
      queryFn: async ({ signal }) => ({
        ...(await listInstances(signal, keyOf(accountId))),
        account: accountId,
      }),
      refetchInterval: OTHER_ACCOUNT_POLL_MS,
      refetchIntervalInBackground: false,
      meta: { account: accountId },
    }),
}
