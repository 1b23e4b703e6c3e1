import * as z from 'zod/mini'
import { type SimInstance, type Template, type Transition } from './lifecycle'
import { priceFactor } from './price-wave'
import { hex, intBetween } from './rng'
import { pricedRow } from './offer-pricing'
import { type Offer } from './offer-seed'
import { findTemplate, mergeEnv } from './templates'
import { badGateway, dropped, fail, ok, type Json, type SimResponse } from './responses'
import { RENT_TIMEOUT_DELAY_MS } from './switches'
import { DEFAULT_ALLOCATED_STORAGE, type World, worldNow } from './world'
import { accountIdOf } from './account'
import { numberOr } from './market'
import { settle } from './instances-model'
import { bootLoadingMs } from './slow-boots'

// ─── renting ──────────────────────────────────────────────────────────────────────────────────

const rentBodySchema = z.object({
  image: z.optional(z.nullable(z.string())),
  template_hash_id: z.optional(z.nullable(z.string())),
  disk: z.optional(z.nullable(z.union([z.number(), z.string()]))),
  label: z.optional(z.nullable(z.string())),
  price: z.optional(z.unknown()),
  env: z.optional(
    z.nullable(
      z.union([z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])), z.string()]),
    ),
  ),
  onstart: z.optional(z.nullable(z.string())),
  runtype: z.optional(z.nullable(z.string())),
  cancel_unavail: z.optional(z.nullable(z.boolean())),
})

export const invalidArgs = (detail: string) =>
  fail(400, 'invalid_args', `error 400/3467: Invalid args: ${detail}`)

/** A public template or one of the account's own, by hash (templates.ts); null for any other. */
export const templateFor = (hashId: string, world: World) =>
  findTemplate(hashId, accountIdOf(world)) ?? null

/** `@vastai-automatic-tag` resolves to a tag that suits the machine's CUDA version. */
function resolveImage(image: string, cuda: Json | undefined): string {
  if (!image.includes('@vastai-automatic-tag')) return image
  const c = typeof cuda === 'number' ? cuda : 0
  const tag =
    c >= 12.8
      ? 'cuda-12.8.1-auto'
      : c >= 12.4
        ? 'cuda-12.4.1-auto'
        : c >= 12.1
          ? 'cuda-12.1.1-auto'
          : c > 0
            ? 'cuda-11.8.0-auto'
            : 'rocm-6.2-auto'
  return image.replace(/:?@vastai-automatic-tag/, `:${tag}`)
}

/** "ssh_direc ssh_proxy" comes back as "ssh ssh_direc ssh_proxy" (the base mode first). */
function imageRuntype(runtype: string): string {
  const tokens = runtype.trim().split(/\s+/).filter(Boolean)
  const base = tokens.some((t) => t.startsWith('jupyter'))
    ? 'jupyter'
    : tokens.some((t) => t.startsWith('ssh'))
      ? 'ssh'
      : 'args'
  return [base, ...tokens.filter((t) => t !== base)].join(' ')
}

/**
 * `env` as Vast stores it: [key, value] pairs. A docker-flag string ("-e A=1 -p 80:80") is split
 * on spaces outside quotes, and quote characters at either end of a value are stripped (as the
 * CLI's `parse_env`).
 */
function envPairs(
  env: Record<string, string | number | boolean> | string | null | undefined,
): [string, string][] {
  if (!env) return []
  if (typeof env !== 'string') return Object.entries(env).map(([k, v]) => [k, String(v)])
  const pairs: [string, string][] = []
  for (const m of env.matchAll(/(-[epvn])\s+((?:[^\s"']+|"[^"]*"?|'[^']*'?)+)/g)) {
    const [flag, value] = [m[1] ?? '', m[2] ?? '']
    if (flag === '-e') {
      const [k = '', ...rest] = value.split('=')
      pairs.push([k, rest.join('=').replace(/^['"]+|['"]+$/g, '')])
    } else pairs.push([`${flag} ${value}`, '1'])
  }
  return pairs
}

/** Container ports the instance publishes, mapped into its host port range. */
function planPorts(runtype: string, env: [string, string][], start: number): [string, string][] {
  const keys: string[] = []
  if (/ssh|jupyter/.test(runtype)) keys.push('22/tcp')
  if (/jupyter/.test(runtype)) keys.push('8080/tcp')
  for (const [key] of env) {
    const m = /^-p\s+(?:[\d.]+:)?(?:\d+:)?(\d+)(\/(?:tcp|udp))?$/.exec(key.trim())
    if (m?.[1]) keys.push(`${m[1]}${m[2] ?? '/tcp'}`)
  }
  const used = new Set<number>()
  return [...new Set(keys)].slice(0, 64).map((key) => {
    let port = start + (Number.parseInt(key, 10) % 100)
    while (used.has(port)) port = port + 1 > start + 99 ? start : port + 1
    used.add(port)
    return [key, String(port)]
  })
}

export interface Launch {
  image: string
  runtype: string
  label: string | null
  env: [string, string][]
  onstart: string | null
  disk: number
  /** Bid in $/hr (interruptible); null for on-demand. */
  price: number | null
  template: Template | null
}

export function launch(
  world: World,
  offer: Offer,
  spec: Launch,
  createdAt: number,
  transition: Transition,
): SimInstance {
  const rng = world.rng
  const bid = spec.price !== null
  const offerRow = pricedRow(offer, {
    type: bid ? 'bid' : 'on-demand',
    allocatedStorage: spec.disk,
    nowMs: createdAt,
    factor: priceFactor(world, createdAt),
  })
  const directPortStart = offer.directPorts > 0 ? 20_000 + intBetween(rng, 0, 400) * 100 : null
  const directMode = /direc/.test(spec.runtype) || spec.runtype.trim() === 'args'
  const sshIdx = intBetween(rng, 1, 9)
  const instance: SimInstance = {
    id: (world.nextInstanceId += intBetween(rng, 1, 40)),
    offerId: offer.id,
    offerRow,
    createdAt,
    transition,
    label: spec.label,
    image: resolveImage(spec.image, offerRow.cuda_max_good),
    imageRuntype: imageRuntype(spec.runtype),
    env: spec.env,
    onstart: spec.onstart,
    disk: spec.disk,
    gpuHour: spec.price ?? offer.dphBase * priceFactor(world, createdAt),
    storageHour: (spec.disk * offer.storageCost) / 720,
    isBid: bid,
    ssh: {
      host: `ssh${sshIdx}.vast.ai`,
      idx: String(sshIdx),
      port: intBetween(rng, 10_000, 39_999),
    },
    directPortStart: directMode ? directPortStart : null,
    portMap:
      directMode && directPortStart !== null
        ? planPorts(spec.runtype, spec.env, directPortStart)
        : [],
    jupyterToken: hex(rng, 64),
    apiKey: hex(rng, 64),
    template: spec.template,
    localIps: `10.${intBetween(rng, 0, 20)}.${intBetween(rng, 0, 255)}.${intBetween(rng, 2, 254)} 172.17.0.1 \n`,
    billedUntil: worldNow(world),
  }
  world.taken.add(offer.id)
  world.instances.set(instance.id, instance)
  return instance
}

/** `PUT /api/v0/asks/{id}/`: validates like Vast, then creates the instance. Credit is billed over time, not up front. */
export function rent(world: World, offerId: number | string, body: unknown): SimResponse {
  const idText = String(offerId)
  if (!/^\d+$/.test(idText)) return invalidArgs("'id' is required and must be a valid offer ID")
  const id = Number(idText)
  const parsed = z.safeParse(rentBodySchema, body ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return invalidArgs(`'${issue?.path.join('.') ?? 'body'}': ${issue?.message ?? 'invalid'}`)
  }
  const input = parsed.data
  const template = input.template_hash_id ? templateFor(input.template_hash_id, world) : null
  // A stale hash (it changes on every edit) fails rather than launching something else.
  if (input.template_hash_id && !template)
    return invalidArgs(`'template_hash_id': no template ${input.template_hash_id} for this account`)
  const image = input.image?.trim() || template?.image
  if (!image) return invalidArgs("'image' is required unless template_hash_id is given")
  if (image.length > 1024) return invalidArgs("'image' must be at most 1024 characters")
  const disk =
    input.disk === undefined || input.disk === null
      ? DEFAULT_ALLOCATED_STORAGE
      : numberOr(input.disk, null)
  if (typeof disk !== 'number' || !Number.isFinite(disk) || disk < 8)
    return invalidArgs("'disk' must be a number of GB, at least 8")
  if ((input.label ?? '').length > 256) return invalidArgs("'label' must be at most 256 characters")
  if ((input.onstart ?? '').length > 4096)
    return invalidArgs("'onstart' must be at most 4096 characters")
  let price: number | null = null
  if (input.price !== undefined && input.price !== null) {
    const p = input.price
    if (typeof p !== 'number' || !(p >= 0.001 && p <= 128)) {
      return fail(
        400,
        'invalid_price',
        'error 400/3468: Invalid price: the bid must be a number between 0.001 and 128 $/hr.',
      )
    }
    price = p
  }
  const offer = world.offers.get(id)
  const gone = () =>
    fail(
      404,
      'invalid_args',
      `error 404/3603: no_such_ask Instance type by id ${id} is not available.`,
    )
  if (!offer || world.taken.has(id) || offer.fields.rentable === false) return gone()
  if (world.switches.rent === 'not_found_plain') return fail(404, 'not_found', 'Not found')
  const unschedulable = world.switches.rent === 'unschedulable'
  if (unschedulable && input.cancel_unavail === true)
    return fail(
      410,
      'no_such_ask',
      `error 410/3907: no_such_ask Instance type by id ${id} cannot start now.`,
    )
  if (world.switches.rent === 'offer_gone') {
    world.taken.add(id) // someone else was faster: the offer leaves the market
    return gone()
  }
  settle(world)
  const now = worldNow(world)
  const instance = launch(
    world,
    offer,
    {
      image,
      runtype: input.runtype ?? template?.runtype ?? 'ssh',
      label: input.label?.trim() ? input.label : null,
      env: mergeEnv(envPairs(template?.env), envPairs(input.env)),
      onstart: input.onstart ?? template?.onstart ?? null,
      disk,
      price,
      template,
    },
    now,
    // Without cancel_unavail, Vast creates the instance stopped when it cannot be scheduled.
    unschedulable
      ? { kind: 'outbid', at: now }
      : { kind: 'create', at: now, loadingMs: bootLoadingMs(world, offer) },
  )
  // The rent went through, but the answer was lost behind the gateway: an ambiguous failure.
  if (world.switches.rent === 'server_error_html') return badGateway()
  if (world.switches.rent === 'dropped') return dropped()
  // The rent happens, but the answer comes only after every caller has given up.
  if (world.switches.rent === 'timeout')
    return {
      status: 200,
      kind: 'json',
      body: { success: true, new_contract: instance.id, instance_api_key: instance.apiKey },
      delayMs: RENT_TIMEOUT_DELAY_MS,
    }
  return ok({ success: true, new_contract: instance.id, instance_api_key: instance.apiKey })
}
