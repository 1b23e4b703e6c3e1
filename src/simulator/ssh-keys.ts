/**
 * Account SSH keys and per-instance keys (reference §6, §7.2). State lives beside each world (a
 * WeakMap, so World itself is unchanged and a reset drops it). It models the reference's caveat:
 * an instance carries the account keys that existed when it was created, plus the keys attached
 * to it; an account key added later does not reach it.
 */
import type { HttpHandler } from 'msw'
import type { SimInstance } from './lifecycle'
import { accountIdOf, worldNow, type RateLimitKey, type World } from './model'
import { fail, isRecord, ok, type Json, type SimResponse } from './responses'

/** A moment on the model: the world clock, and the last instance id handed out by then. */
interface Mark {
  at: number
  lastInstanceId: number
}

interface AccountKey {
  id: number
  publicKey: string
  added: Mark
  deleted: Mark | null
}

interface InstanceKey {
  id: number
  publicKey: string
  at: number
}

export interface SshKeySwitches {
  /** `cli`: `GET /ssh/` answers `{ssh_keys: [{id, ssh_key}]}` as the CLI's tests mock it. */
  listShape: 'docs' | 'cli'
  /** `forbidden`: the key lacks user_write, so adding or deleting answers 403. */
  userWrite: 'ok' | 'forbidden'
  /**
   * An account without keys: `not_found` answers 404 "No SSH keys found for the user." as Vast
   * documents (yaml/show_ssh_keys); `empty` answers an empty list.
   */
  whenNone: 'not_found' | 'empty'
}

interface SshState {
  keys: AccountKey[]
  /** Keys attached to one instance after it was created, by instance id. */
  attached: Map<number, InstanceKey[]>
  /** Account keys removed from one instance (detach), by instance id. */
  detached: Map<number, Set<number>>
  nextId: number
  switches: SshKeySwitches
}

const states = new WeakMap<World, SshState>()

function stateOf(world: World): SshState {
  let state = states.get(world)
  if (!state) {
    state = {
      keys: [],
      attached: new Map(),
      detached: new Map(),
      nextId: 310_000 + world.seq * 100,
      switches: { listShape: 'docs', userWrite: 'ok', whenNone: 'not_found' },
    }
    states.set(world, state)
  }
  return state
}

/** Flips this world's SSH key switches (reset with the world). */
export function simulateSshKeys(world: World, switches: Partial<SshKeySwitches>): void {
  const state = stateOf(world)
  state.switches = { ...state.switches, ...switches }
}

const markNow = (world: World): Mark => ({
  at: worldNow(world),
  lastInstanceId: world.nextInstanceId,
})

/**
 * Whether the instance was created before the mark. Ids only grow, so they order a key and a
 * rent within the same millisecond of a manual clock, which the clock alone cannot.
 */
const existedAt = (inst: SimInstance, mark: Mark): boolean =>
  inst.createdAt < mark.at || (inst.createdAt === mark.at && inst.id <= mark.lastInstanceId)

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * Vast's own check is undocumented: the simulator wants one line of `<type> <base64> [comment]`
 * with a known type prefix, which is what the CLI's docs show.
 */
function readKey(body: unknown): string | null {
  const raw = isRecord(body) ? body.ssh_key : undefined
  if (typeof raw !== 'string') return null
  const key = raw.trim()
  return /^(ssh-|ecdsa-|sk-)[\w@.-]+ [A-Za-z0-9+/]+={0,2}( [^\r\n]*)?$/.test(key) &&
    key.length <= 8_192
    ? key
    : null
}

const noSshKey = () =>
  fail(400, 'no_ssh_key', 'ssh_key is required and must be a valid OpenSSH public key.')

const forbidden = () =>
  fail(403, 'missing_permissions', 'This API key does not have the user_write permission.')

const idOf = (raw: string | undefined): number | null =>
  raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : null

const noSuchInstance = (id: string) =>
  fail(404, 'no_such_instance', `error 404/3604: no_such_instance Instance ${id} not found.`)

/** `GET /api/v0/ssh/`: the DOCS bare array, or the CLI mock's envelope under a switch. */
export function listAccountKeys(world: World): SimResponse {
  const state = stateOf(world)
  const live = state.keys.filter((k) => k.deleted === null)
  if (live.length === 0 && state.switches.whenNone === 'not_found')
    return fail(404, 'not_found', 'No SSH keys found for the user.')
  if (state.switches.listShape === 'cli')
    return ok({ ssh_keys: live.map((k) => ({ id: k.id, ssh_key: k.publicKey })) })
  return ok(
    live.map((k) => ({
      id: k.id,
      user_id: accountIdOf(world),
      key: k.publicKey,
      created_at: iso(k.added.at),
      deleted_at: null,
    })),
  )
}

/** `POST /api/v0/ssh/` `{ssh_key}`: the new key, which only instances created from now on get. */
export function createAccountKey(world: World, body: unknown): SimResponse {
  const state = stateOf(world)
  if (state.switches.userWrite === 'forbidden') return forbidden()
  const publicKey = readKey(body)
  if (publicKey === null) return noSshKey()
  const key: AccountKey = {
    id: (state.nextId += 1),
    publicKey,
    added: markNow(world),
    deleted: null,
  }
  state.keys.push(key)
  return ok({
    success: true,
    key: {
      id: key.id,
      user_id: accountIdOf(world),
      public_key: publicKey,
      created_at: iso(key.added.at),
      deleted_at: null,
    },
  })
}

/** `DELETE /api/v0/ssh/{id}/`: instances that already carry the key keep it. */
export function deleteAccountKey(world: World, rawId: string | undefined): SimResponse {
  const state = stateOf(world)
  if (state.switches.userWrite === 'forbidden') return forbidden()
  const id = idOf(rawId)
  const key = state.keys.find((k) => k.id === id && k.deleted === null)
  if (!key) return fail(404, 'not_found', `SSH key ${rawId ?? ''} not found.`)
  key.deleted = markNow(world)
  return ok({ success: true })
}

/** The keys an instance carries: account keys live when it was created, then attached ones. */
export function instanceKeys(world: World, inst: SimInstance): InstanceKey[] {
  const state = stateOf(world)
  const detached = state.detached.get(inst.id) ?? new Set<number>()
  const inherited = state.keys
    .filter((k) => !existedAt(inst, k.added) && (k.deleted === null || existedAt(inst, k.deleted)))
    .filter((k) => !detached.has(k.id))
    .map((k) => ({ id: k.id, publicKey: k.publicKey, at: inst.createdAt }))
  return [...inherited, ...(state.attached.get(inst.id) ?? [])]
}

/** `GET /api/v0/instances/{id}/ssh/`: DOCS sends the list as a JSON string. */
export function listInstanceKeys(world: World, rawId: string | undefined): SimResponse {
  const inst = world.instances.get(idOf(rawId) ?? -1)
  if (!inst) return noSuchInstance(rawId ?? '')
  const rows: Json = instanceKeys(world, inst).map((k) => ({
    id: k.id,
    key: k.publicKey,
    created_at: iso(k.at),
  }))
  return ok({ success: true, ssh_keys: JSON.stringify(rows) })
}

/** `POST /api/v0/instances/{id}/ssh/` `{ssh_key}`: adds the key to that instance only. */
export function attachInstanceKey(
  world: World,
  rawId: string | undefined,
  body: unknown,
): SimResponse {
  const state = stateOf(world)
  const inst = world.instances.get(idOf(rawId) ?? -1)
  if (!inst) return noSuchInstance(rawId ?? '')
  const publicKey = readKey(body)
  if (publicKey === null) return noSshKey()
  const body64 = publicKey.split(' ')[1]
  if (instanceKeys(world, inst).some((k) => k.publicKey.split(' ')[1] === body64))
    return ok({ success: true, msg: 'This key is already on the instance.' })
  const list = state.attached.get(inst.id) ?? []
  list.push({ id: (state.nextId += 1), publicKey, at: worldNow(world) })
  state.attached.set(inst.id, list)
  return ok({ success: true, msg: `SSH key attached to instance ${inst.id}.` })
}

/** `DELETE /api/v0/instances/{id}/ssh/{key_id}/`: removes the key from that instance only. */
export function detachInstanceKey(
  world: World,
  rawId: string | undefined,
  rawKeyId: string | undefined,
): SimResponse {
  const state = stateOf(world)
  const inst = world.instances.get(idOf(rawId) ?? -1)
  if (!inst) return noSuchInstance(rawId ?? '')
  const keyId = idOf(rawKeyId)
  if (!instanceKeys(world, inst).some((k) => k.id === keyId))
    return fail(404, 'not_found', `SSH key ${rawKeyId ?? ''} is not on instance ${inst.id}.`)
  const attached = state.attached.get(inst.id) ?? []
  state.attached.set(
    inst.id,
    attached.filter((k) => k.id !== keyId),
  )
  if (keyId !== null) state.detached.set(inst.id, new Set(state.detached.get(inst.id)).add(keyId))
  return ok({ success: true })
}

interface KeyContext {
  world: World
  params: Record<string, string>
  body: unknown
}

/** The handlers' route builder (apiRoute), passed in so this file does not import handlers.ts. */
export type RouteBuilder = (
  method: 'get' | 'post' | 'delete',
  pattern: string,
  spec: { auth: 'required'; limit?: RateLimitKey },
  resolve: (ctx: KeyContext) => SimResponse,
) => HttpHandler

export function sshKeyRoutes(route: RouteBuilder): HttpHandler[] {
  const auth = { auth: 'required' } as const
  return [
    route('get', '/api/v0/ssh/', auth, ({ world }) => listAccountKeys(world)),
    route('post', '/api/v0/ssh/', { ...auth, limit: 'ssh-key-create' }, ({ world, body }) =>
      createAccountKey(world, body),
    ),
    route('delete', '/api/v0/ssh/:id/', auth, ({ world, params }) =>
      deleteAccountKey(world, params.id),
    ),
    route('get', '/api/v0/instances/:id/ssh/', auth, ({ world, params }) =>
      listInstanceKeys(world, params.id),
    ),
    route('post', '/api/v0/instances/:id/ssh/', auth, ({ world, params, body }) =>
      attachInstanceKey(world, params.id, body),
    ),
    route('delete', '/api/v0/instances/:id/ssh/:keyId/', auth, ({ world, params }) =>
      detachInstanceKey(world, params.id, params.keyId),
    ),
  ]
}
