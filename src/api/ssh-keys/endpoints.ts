/** SSH key calls: the account's keys (`/api/v0/ssh/`) and one instance's (`/instances/{id}/ssh/`). */
import { apiRequest } from '../client'
import { isApiError } from '../errors'
import { parseRows, readListRows, successSchema } from '../parse'
import {
  addedKeySchema,
  instanceKeySchema,
  instanceKeysEnvelopeSchema,
  sshKeySchema,
  sshKeysEnvelopeSchema,
  type InstanceSshKey,
  type SshKey,
  type SshKeyList,
} from './schemas'

/** Reads the list's rows one by one: unreadable rows are counted, deleted keys left out. */
export function readSshKeyRows(rows: readonly unknown[]): SshKeyList {
  const parsed = readListRows(sshKeySchema, rows, 'SSH keys')
  // DOCS rows carry deleted_at: a deleted key is not on the account any more.
  return { keys: parsed.rows.filter((key) => !key.deleted), dropped: parsed.dropped }
}

/**
 * Vast answers an account without keys with 404 "No SSH keys found for the user." (docs
 * yaml/show_ssh_keys): that is an empty list. Any other 404 (another message, an auth code)
 * stays an error.
 */
export function isNoKeysAnswer(error: unknown): boolean {
  if (!isApiError(error) || error.status !== 404 || error.code === 'auth_error') return false
  return error.detail === undefined || /no ssh keys/i.test(error.detail)
}

export async function listSshKeys(signal?: AbortSignal): Promise<SshKeyList> {
  try {
    const rows = await apiRequest({
      route: 'ssh-keys',
      method: 'GET',
      path: '/api/v0/ssh/',
      schema: sshKeysEnvelopeSchema,
      signal,
    })
    return readSshKeyRows(rows)
  } catch (error) {
    if (isNoKeysAnswer(error)) return { keys: [], dropped: 0 }
    throw error
  }
}

/** Adds a key to the account. Never retried. */
export async function addSshKey(publicKey: string): Promise<SshKey | null> {
  const { key } = await apiRequest({
    route: 'ssh-keys',
    method: 'POST',
    path: '/api/v0/ssh/',
    body: { ssh_key: publicKey.trim() },
    schema: addedKeySchema,
  })
  return key ?? null
}

export function deleteSshKey(id: number) {
  return apiRequest({
    route: 'ssh-keys',
    method: 'DELETE',
    path: `/api/v0/ssh/${id}/`,
    body: {},
    schema: successSchema,
  })
}

/** Adds a key to one existing instance (account keys reach only instances created later). */
export function attachSshKey(instanceId: number, publicKey: string) {
  return apiRequest({
    route: 'instance-ssh',
    method: 'POST',
    path: `/api/v0/instances/${instanceId}/ssh/`,
    body: { ssh_key: publicKey.trim() },
    schema: successSchema,
  })
}

export async function listInstanceSshKeys(
  instanceId: number,
  signal?: AbortSignal,
): Promise<InstanceSshKey[]> {
  const { ssh_keys } = await apiRequest({
    route: 'instance-ssh',
    method: 'GET',
    path: `/api/v0/instances/${instanceId}/ssh/`,
    schema: instanceKeysEnvelopeSchema,
    signal,
  })
  return parseRows(instanceKeySchema, ssh_keys ?? []).rows
}
