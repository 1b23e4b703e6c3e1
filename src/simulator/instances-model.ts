import * as z from 'zod/mini'
import { costBetween, phaseAt } from './lifecycle'
import { instanceRow } from './instance-row'
import { round } from './rng'
import { matchesOps, toOps, type Ops } from './query-ops'
import { badGateway, fail, isRecord, ok, type Row, type SimResponse } from './responses'
import { INTEGER, type RowTest, getter, idOf } from './market'
import { V1_PAGE_MAX, type World, worldNow } from './world'
import { invalidArgs } from './renting'

// ─── billing ──────────────────────────────────────────────────────────────────────────────────

/** Books every instance's charges up to now: GPU while running, storage always (reference §6.1). */
export function settle(world: World): void {
  const now = worldNow(world)
  for (const inst of world.instances.values()) {
    if (now > inst.billedUntil) {
      world.spent += costBetween(inst.transition, inst.billedUntil, now, {
        gpuHour: inst.gpuHour,
        storageHour: inst.storageHour,
      })
      inst.billedUntil = now
    }
  }
}

/** The balance now: initial credit minus everything billed so far. */
export function creditOf(world: World): number {
  settle(world)
  return round(world.initialCredit - world.spent, 6)
}

// ─── instances ────────────────────────────────────────────────────────────────────────────────

/** Columns the v1 list can filter on (stored on the contract); computed ones answer 400. */
// prettier-ignore
const INSTANCE_FILTER_FIELDS = new Set([
  'id', 'actual_status', 'intended_status', 'cur_state', 'next_state', 'status_msg', 'label', 'gpu_name',
  'verification', 'machine_id', 'host_id', 'image_uuid', 'image_runtype', 'template_id', 'template_hash_id',
  'template_name', 'is_bid', 'ssh_host', 'public_ipaddr', 'disk_space', 'start_date', 'end_date', 'geolocation',
])

const tokenSchema = z.object({ v: z.literal(1), after: z.int() })

const encodeToken = (after: number) => btoa(JSON.stringify({ v: 1, after }))

function decodeToken(token: string): number | null {
  try {
    const parsed = z.safeParse(tokenSchema, JSON.parse(atob(token)))
    return parsed.success ? parsed.data.after : null
  } catch {
    return null
  }
}

function jsonParam(
  params: URLSearchParams,
  name: string,
): { value: unknown } | { response: SimResponse } {
  const raw = params.get(name)
  if (raw === null) return { value: undefined }
  try {
    return { value: JSON.parse(raw) }
  } catch {
    return {
      response: fail(
        400,
        'invalid_request',
        `Error in query parameters: ${name} is not valid JSON`,
      ),
    }
  }
}

const invalidRequest = (msg: string) =>
  fail(400, 'invalid_request', `Error in query parameters: ${msg}`)

/**
 * Rows an `instances: 'malformed_rows'` switch breaks (shape drift): the first row of a page gets
 * a status word this app has never seen, the second loses its id (unreadable).
 */
function breakInstanceRows(rows: Row[]): Row[] {
  return rows.map((row, i) => {
    if (i === 0) return { ...row, actual_status: 'hibernating', cur_state: 'hibernating' }
    if (i === 1) return Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'id'))
    return row
  })
}

/** `GET /api/v1/instances/`: keyset pages of at most 25, `select_filters`, `select_cols`, `order_by` on id. */
export function listInstancesPage(world: World, params: URLSearchParams): SimResponse {
  if (world.switches.instances === 'html_502') return badGateway()
  const limitRaw = params.get('limit')
  if (limitRaw !== null && !INTEGER.test(limitRaw))
    return invalidRequest('limit must be an integer')
  const requested = limitRaw === null ? V1_PAGE_MAX : Number(limitRaw)
  const limit = requested <= 0 ? 5 : Math.min(requested, V1_PAGE_MAX)

  const filters = jsonParam(params, 'select_filters')
  const cols = jsonParam(params, 'select_cols')
  const orderBy = jsonParam(params, 'order_by')
  if ('response' in filters) return filters.response
  if ('response' in cols) return cols.response
  if ('response' in orderBy) return orderBy.response

  const tests: RowTest[] = []
  if (filters.value !== undefined) {
    if (!isRecord(filters.value)) return invalidRequest('select_filters must be an object')
    for (const [field, ops] of Object.entries(filters.value)) {
      if (!INSTANCE_FILTER_FIELDS.has(field))
        return invalidRequest(`${field} is not a valid search key`)
      const o: Ops = toOps(ops)
      tests.push((get) => matchesOps(get(field), o))
    }
  }
  let dir: 'asc' | 'desc' = 'asc'
  if (orderBy.value !== undefined) {
    for (const item of Array.isArray(orderBy.value) ? orderBy.value : [orderBy.value]) {
      if (!isRecord(item) || item.col !== 'id') {
        return invalidRequest(
          `${isRecord(item) ? String(item.col) : 'order_by'} is not a valid order column`,
        )
      }
      dir = item.dir === 'desc' ? 'desc' : 'asc'
    }
  }
  const token = params.get('after_token')
  const after = token === null || token === '' ? null : decodeToken(token)
  if (token && after === null) return fail(400, 'invalid_token', 'Invalid after_token.')

  const now = worldNow(world)
  const all = [...world.instances.values()]
    .map((inst) => instanceRow(inst, now))
    .filter((row) => tests.every((test) => test(getter(row))))
    .sort((a, b) => (dir === 'asc' ? idOf(a) - idOf(b) : idOf(b) - idOf(a)))
  const rest =
    after === null
      ? all
      : all.filter((row) => (dir === 'asc' ? idOf(row) > after : idOf(row) < after))
  const page = rest.slice(0, limit)
  const last = page.at(-1)
  const labelCounts: Record<string, number> = {}
  for (const row of all) {
    const label = typeof row.label === 'string' ? row.label : ''
    labelCounts[label] = (labelCounts[label] ?? 0) + 1
  }
  const selected =
    Array.isArray(cols.value) && !cols.value.includes('*')
      ? cols.value.filter((c) => typeof c === 'string')
      : null
  return ok({
    success: true,
    instances_found: page.length,
    total_instances: all.length,
    label_counts: labelCounts,
    next_token: rest.length > limit && last ? encodeToken(idOf(last)) : null,
    instances: selected
      ? page.map((row) => Object.fromEntries(selected.map((c) => [c, row[c] ?? null])))
      : world.switches.instances === 'malformed_rows'
        ? breakInstanceRows(page)
        : page,
  })
}

export const deprecatedInstanceList = (): SimResponse =>
  fail(
    410,
    'deprecated_endpoint',
    '/api/v0/instances/ is deprecated. Use /api/v1/instances/ instead.',
  )

export function instanceId(raw: string): number | null {
  return /^\d+$/.test(raw) ? Number(raw) : null
}

/** Vast's 400 for a path id that is not an instance id. */
const badInstanceId = () => fail(400, 'invalid_args', 'invalid instance_id')
/** Vast's 404 when a manage or reboot call names no instance of the account. */
const noSuchInstance = (id: number) =>
  fail(404, 'no_such_instance', `error 404/3604: no_such_instance Instance ${id} not found.`)

/** `GET /api/v0/instances/{id}/`: `{"instances": {...}}`, or `{"instances": null}` when unknown. */
export function showInstance(world: World, rawId: string): SimResponse {
  const id = instanceId(rawId)
  if (id === null) return badInstanceId()
  const inst = world.instances.get(id)
  return ok({ instances: inst ? instanceRow(inst, worldNow(world)) : null })
}

const manageBodySchema = z.object({
  state: z.optional(z.string()),
  label: z.optional(z.nullable(z.string())),
})

/** `PUT /api/v0/instances/{id}/` with `{state: "running"|"stopped"}` and/or `{label}`. */
export function manageInstance(world: World, rawId: string, body: unknown): SimResponse {
  const id = instanceId(rawId)
  if (id === null) return badInstanceId()
  const parsed = z.safeParse(manageBodySchema, body ?? {})
  if (!parsed.success)
    return invalidArgs('expected {state: "running"|"stopped"} or {label: string}')
  const { state, label } = parsed.data
  if (state === undefined && label === undefined)
    return invalidArgs('expected {state: "running"|"stopped"} or {label: string}')
  if (state !== undefined && state !== 'running' && state !== 'stopped')
    return invalidArgs(`unknown state '${state}'`)
  if (label && label.length > 1024)
    return fail(400, 'label_too_long', 'Label must be at most 1024 characters.')
  const inst = world.instances.get(id)
  if (!inst) return noSuchInstance(id)
  settle(world)
  const now = worldNow(world)
  if (label !== undefined) inst.label = label?.trim() ? label : null
  const intended = inst.transition.kind === 'stop' ? 'stopped' : 'running'
  if (state === 'stopped' && intended !== 'stopped') {
    inst.transition = { kind: 'stop', at: now, from: phaseAt(inst.transition, now).phase }
  } else if (state === 'running' && intended !== 'running') {
    inst.transition = { kind: 'start', at: now }
  }
  return ok({ success: true })
}

/**
 * `PUT /api/v0/instances/reboot/{id}/`: docker stop/start in place, keeping the GPU; the status
 * reads `rebooting`, then `running`. A box that is not running answers 400 (the simulator's
 * choice: the real answer for a stopped box is undocumented).
 */
export function rebootInstance(world: World, rawId: string): SimResponse {
  const id = instanceId(rawId)
  if (id === null) return badInstanceId()
  const inst = world.instances.get(id)
  if (!inst) return noSuchInstance(id)
  settle(world)
  const now = worldNow(world)
  if (phaseAt(inst.transition, now).phase !== 'running')
    return invalidArgs('instance is not running; only a running instance can be rebooted')
  inst.transition = { kind: 'reboot', at: now }
  return ok({ success: true })
}

/** `DELETE /api/v0/instances/{id}/`: ends all billing; the machine's offer returns to the market. */
export function destroyInstance(world: World, rawId: string): SimResponse {
  const id = instanceId(rawId)
  if (id === null) return badInstanceId()
  const inst = world.instances.get(id)
  if (!inst) return fail(404, 'not_found', `error 404/3710: Instance ${id} not found.`)
  settle(world)
  world.instances.delete(id)
  world.taken.delete(inst.offerId)
  return ok({ success: true })
}

/** Test helper: a higher bid pauses this interruptible instance (actual stopped, intended running). */
export function outbid(world: World, id: number): void {
  const inst = world.instances.get(id)
  if (!inst?.isBid) throw new Error(`instance ${id} is not an interruptible instance`)
  settle(world)
  inst.transition = { kind: 'outbid', at: worldNow(world) }
}

const bidBodySchema = z.object({
  client_id: z.optional(z.string()),
  price: z.optional(z.unknown()),
})

/**
 * `PUT /api/v0/instances/bid_price/{id}/` `{client_id: "me", price}` (docs yaml/change_bid):
 * sets the bid; an outbid instance resumes once its bid is at least the offer's minimum bid.
 */
export function changeBid(world: World, rawId: string, body: unknown): SimResponse {
  const id = instanceId(rawId)
  const inst = id === null ? undefined : world.instances.get(id)
  if (id === null || !inst)
    return fail(
      404,
      'no_such_instance',
      `error 404/3604: no_such_instance Instance ${rawId} not found.`,
    )
  const parsed = z.safeParse(bidBodySchema, body ?? {})
  const price = parsed.success ? parsed.data.price : undefined
  const gpus = typeof inst.offerRow.num_gpus === 'number' ? inst.offerRow.num_gpus : 1
  if (typeof price !== 'number' || !(price >= 0.001 && price <= 32 * gpus))
    return invalidArgs(`'price' must be a number between 0.001 and ${32 * gpus} $/hr`)
  if (!inst.isBid) return invalidArgs('this instance is not interruptible')
  settle(world)
  inst.gpuHour = price
  const market = typeof inst.offerRow.min_bid === 'number' ? inst.offerRow.min_bid : 0
  if (inst.transition.kind === 'outbid' && price >= market)
    inst.transition = { kind: 'start', at: worldNow(world) }
  return ok({ success: true })
}
