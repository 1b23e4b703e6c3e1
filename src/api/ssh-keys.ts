/**
 * Account SSH keys (`/api/v0/ssh/`) and the keys of one instance (`/api/v0/instances/{id}/ssh/`).
 * The list's shape is disputed (reference §11.7): DOCS shows a bare array of
 * `{id, user_id, key, created_at, deleted_at}`, the CLI's tests `{ssh_keys: [{id, ssh_key}]}`, and
 * the create answer names the field `public_key`. All of them are read here into one shape.
 */
import { queryOptions, type QueryKey } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { apiRequest } from './client'
import { isApiError, type ApiError } from './errors'
import { numeric, parseRows, successSchema } from './schemas'
import { useApiMutation } from './mutation'

/** Key types Vast's hosts accept in authorized_keys (OpenSSH's current set). */
export const KEY_TYPES = [
  'ssh-ed25519',
  'ssh-rsa',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'sk-ssh-ed25519@openssh.com',
  'sk-ecdsa-sha2-nistp256@openssh.com',
] as const

/** A 16384-bit RSA key is about 2,800 characters; anything far beyond is not one key. */
export const PUBLIC_KEY_MAX = 8_192

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

/**
 * The key blob is a run of length-prefixed strings, the first naming the type. Reads it whole:
 * a cut or damaged body does not end exactly at a string's end. Answers the type, or null.
 */
function blobType(body: string): string | null {
  let bytes: string
  try {
    bytes = atob(body)
  } catch {
    return null
  }
  const fields: string[] = []
  for (let at = 0; at < bytes.length;) {
    if (at + 4 > bytes.length) return null
    const length =
      bytes.charCodeAt(at) * 2 ** 24 +
      (bytes.charCodeAt(at + 1) << 16) +
      (bytes.charCodeAt(at + 2) << 8) +
      bytes.charCodeAt(at + 3)
    at += 4
    if (at + length > bytes.length) return null
    fields.push(fields.length === 0 ? bytes.slice(at, at + length) : '')
    at += length
  }
  return fields.length >= 2 ? (fields[0] ?? null) : null
}

/**
 * Why this text is not one OpenSSH public key, or null when it is. Checked before anything is
 * sent, so a pasted private key never leaves the browser.
 */
export function checkPublicKey(text: string): string | null {
  const trimmed = text.trim()
  if (trimmed === '') return 'Paste a public key: the contents of a .pub file, one line.'
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----|^PuTTY-User-Key-File-/m.test(trimmed))
    return 'That is a private key. Paste the public key (the .pub file) — never share the private one.'
  if (/^---- BEGIN SSH2 PUBLIC KEY ----/.test(trimmed))
    return 'That key is in SSH2 (PuTTY) format. Paste the one-line OpenSSH form (ssh-keygen -i -f key.pub prints it).'
  const lines = trimmed.split(/\r?\n/).filter((line) => line.trim() !== '')
  const words = trimmed.split(/\s+/)
  if (lines.length > 1 || words.filter((w) => KEY_TYPES.some((t) => t === w)).length > 1)
    return 'That looks like several keys. Paste one key at a time.'
  if (trimmed.length > PUBLIC_KEY_MAX)
    return `That is too long for a public key (at most ${PUBLIC_KEY_MAX} characters).`
  const [type = '', body = ''] = words
  if (!KEY_TYPES.some((t) => t === type))
    return `Unknown key type "${type.slice(0, 40)}". Use ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256/384/521 or a security-key type (sk-…@openssh.com).`
  if (body === '' || body.length % 4 !== 0 || !BASE64.test(body) || blobType(body) !== type)
    return 'The key is incomplete or damaged (its body is not valid base64 for its type). Copy the whole line from the .pub file.'
  return null
}

export interface KeyDisplay {
  type: string
  /** The comment after the body (often user@host), or null. */
  comment: string | null
  /** The last 12 characters of the body: enough to tell keys apart. */
  tail: string
  /** A short name: the comment, or the type and tail. */
  name: string
}

/** A compact form of a public key for lists and button names. */
export function describeKey(publicKey: string): KeyDisplay {
  const [type = '', body = '', ...rest] = publicKey.trim().split(/\s+/)
  const comment = rest.join(' ').trim() || null
  const tail = body.slice(-12)
  return { type, comment, tail, name: comment ?? `${type} …${tail}` }
}

/** Two keys are the same key when type and body match (comments differ freely). */
export function sameKey(a: string, b: string): boolean {
  const [ta, ba] = a.trim().split(/\s+/)
  const [tb, bb] = b.trim().split(/\s+/)
  return ta === tb && ba === bb
}

// ─── parsing ──────────────────────────────────────────────────────────────────────────────────

const optKeyText = z.catch(z.nullish(z.string().check(z.trim())), null)

/** `created_at` as ms since epoch: an ISO string (DOCS) or epoch seconds (Vast's usual). */
function toMs(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null
  const seconds = typeof value === 'number' ? value : Number(value)
  if (Number.isFinite(seconds)) return seconds * 1000
  const parsed = Date.parse(String(value))
  return Number.isNaN(parsed) ? null : parsed
}

const keyRowSchema = z.pipe(
  z.looseObject({
    id: z.catch(z.nullish(z.pipe(numeric, z.int())), null),
    key: optKeyText,
    ssh_key: optKeyText,
    public_key: optKeyText,
    created_at: z.catch(z.nullish(z.union([z.string(), z.number()])), null),
    deleted_at: z.optional(z.unknown()),
  }),
  z.transform((row) => ({
    id: row.id ?? null,
    publicKey: row.key || row.ssh_key || row.public_key || '',
    createdAt: toMs(row.created_at),
    deleted: row.deleted_at !== null && row.deleted_at !== undefined,
  })),
)

const keyFields = {
  publicKey: z.string().check(z.minLength(1)),
  createdAt: z.nullable(z.number()),
  deleted: z.boolean(),
}

/** An account key: needs its id (to delete it) and its text. */
export const sshKeySchema = z.pipe(keyRowSchema, z.object({ id: z.number(), ...keyFields }))
export type SshKey = z.infer<typeof sshKeySchema>

/** An instance's key: an object row like the account's, or the bare key text. */
const instanceKeySchema = z.union([
  z.pipe(
    z.string().check(z.trim(), z.minLength(1)),
    z.transform((publicKey) => ({ id: null, publicKey, createdAt: null, deleted: false })),
  ),
  z.pipe(keyRowSchema, z.object({ id: z.nullable(z.number()), ...keyFields })),
])
export type InstanceSshKey = z.infer<typeof instanceKeySchema>

/** A list that may arrive as an array or as a JSON string of one (DOCS: instance keys). */
const listOf = z.union([
  z.array(z.unknown()),
  z.pipe(
    z.string(),
    z.transform((text, ctx) => {
      try {
        const value: unknown = JSON.parse(text)
        if (Array.isArray(value)) {
          const list: unknown[] = value
          return list
        }
      } catch {
        // reported below
      }
      ctx.issues.push({ code: 'custom', message: 'not a JSON array', input: text })
      return z.NEVER
    }),
  ),
])

/** `GET /ssh/`: a bare array (DOCS) or `{ssh_keys: [...]}` (CLI). */
export const sshKeysEnvelopeSchema = z.union([
  z.array(z.unknown()),
  z.pipe(
    z.object({ ssh_keys: listOf }),
    z.transform(({ ssh_keys }) => ssh_keys),
  ),
])

/** `GET /instances/{id}/ssh/`: `{success, ssh_keys}` where the list may be a JSON string. */
const instanceKeysEnvelopeSchema = z.object({ ssh_keys: z.catch(z.nullish(listOf), []) })

/** `POST /ssh/`: `{success, key: {id, public_key, ...}}`; the row is read when it is readable. */
const addedKeySchema = z.looseObject({ key: z.catch(z.nullish(sshKeySchema), null) })

export interface SshKeyList {
  keys: SshKey[]
  /** Rows that could not be read (left out, counted). */
  dropped: number
}

// ─── endpoints ────────────────────────────────────────────────────────────────────────────────

/** Reads the list's rows one by one: unreadable rows are counted, deleted keys left out. */
export function readSshKeyRows(rows: readonly unknown[]): SshKeyList {
  const parsed = parseRows(sshKeySchema, rows)
  if (parsed.dropped > 0)
    console.warn(`SSH keys: ${parsed.dropped} row(s) could not be read and were left out.`)
  // DOCS rows carry deleted_at: a deleted key is not on the account any more.
  return { keys: parsed.rows.filter((key) => !key.deleted), dropped: parsed.dropped }
}

export async function listSshKeys(signal?: AbortSignal): Promise<SshKeyList> {
  const rows = await apiRequest({
    route: 'ssh-keys',
    method: 'GET',
    path: '/api/v0/ssh/',
    schema: sshKeysEnvelopeSchema,
    signal,
  })
  return readSshKeyRows(rows)
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

// ─── queries and mutations ────────────────────────────────────────────────────────────────────

export const sshKeyQueries = {
  all: () => ['ssh-keys'] as const,
  list: () =>
    queryOptions({
      queryKey: [...sshKeyQueries.all(), 'account'],
      queryFn: ({ signal }) => listSshKeys(signal),
    }),
  instance: (instanceId: number) =>
    queryOptions({
      queryKey: [...sshKeyQueries.all(), 'instance', instanceId],
      queryFn: ({ signal }) => listInstanceSshKeys(instanceId, signal),
    }),
}

/** The permission each write needs beyond the app's four (reference §7.4). */
export type SshKeyPermission = 'user_write' | 'instance_write'

/**
 * A write on SSH keys: never retried, pending until the keys are refetched. `meta.permission`
 * tells the app that a 401/403 here means "this key may not", not "this key was revoked".
 */
export function useSshKeyMutation<TVars, TData>(
  fn: (vars: TVars) => Promise<TData>,
  permission: SshKeyPermission,
  invalidates: (vars: TVars) => QueryKey = () => sshKeyQueries.all(),
) {
  return useApiMutation(fn, { invalidates: (vars) => [invalidates(vars)], meta: { permission } })
}

/** What to show for a failed write: a missing permission is named, anything else is Vast's message. */
export function sshKeyErrorMessage(error: ApiError | Error, permission: SshKeyPermission): string {
  if (isApiError(error) && error.kind === 'auth') {
    return permission === 'user_write'
      ? 'This API key lacks the user_write permission needed to manage SSH keys.'
      : 'This API key lacks the instance_write permission needed to attach SSH keys to instances.'
  }
  return error.message
}
