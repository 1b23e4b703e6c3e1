/**
 * Account SSH keys (`/api/v0/ssh/`) and the keys of one instance (`/api/v0/instances/{id}/ssh/`).
 * The list's shape is disputed (reference §11.7): DOCS shows a bare array of
 * `{id, user_id, key, created_at, deleted_at}`, the CLI's tests `{ssh_keys: [{id, ssh_key}]}`, and
 * the create answer names the field `public_key`. All of them are read here into one shape.
 */
import * as z from 'zod/mini'
import { numeric } from '../parse'

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
export const instanceKeySchema = z.union([
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
export const instanceKeysEnvelopeSchema = z.object({ ssh_keys: z.catch(z.nullish(listOf), []) })

/** `POST /ssh/`: `{success, key: {id, public_key, ...}}`; the row is read when it is readable. */
export const addedKeySchema = z.looseObject({ key: z.catch(z.nullish(sshKeySchema), null) })

export interface SshKeyList {
  keys: SshKey[]
  /** Rows that could not be read (left out, counted). */
  dropped: number
}
