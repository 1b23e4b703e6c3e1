/**
 * The one record of instance status over time: when this browser first saw each instance in each
 * status. Vast reports no phase times (only `start_date`, the contract start), so the phase
 * timeline, "days stopped" and the fast poll's "stuck for 10 minutes" are all read from here,
 * observed at the resolution of the list's polling and kept in localStorage so a reload keeps them.
 * This is observation history (UI state), not a copy of server data: the statuses themselves
 * always come from the query cache.
 */
import { useEffect } from 'react'
import { create } from 'zustand'
import * as z from 'zod/mini'
import { armedWatchdog } from '../domain/auto-stop'
import { endWarning, isOutbid } from '../domain/fleet'
import { uiStatus, type UiStatus } from '../domain/instance-status'
import type { Instance } from './instances/schemas'

const STORAGE_KEY = 'vast-console.observed.v1'
/** Forget instances not seen for this long (destroyed elsewhere). */
const FORGET_AFTER_MS = 30 * 86_400_000

export interface Sighting {
  status: UiStatus
  /** First seen in this status (ms). */
  at: number
}

export interface Observed {
  /** Status changes in order, oldest first (consecutive repeats collapsed). */
  history: Sighting[]
  lastSeen: number
  /** No longer listed (destroyed): its event was raised. */
  gone?: boolean
  /** The held account it was listed for: another account's list never marks it destroyed. */
  account?: string
  /** The contract-end warnings already raised ('24h', '1h'). */
  warned?: EndWarning[]
}

type EndWarning = '24h' | '1h'

/** A transition worth telling the user about, raised once when first observed. */
export interface InstanceEvent {
  id: number
  kind: InstanceEventKind
  at: number
  /** What happened, where the kind alone does not say (a boot fallback's outcome). */
  note?: string
}

export const INSTANCE_EVENT_KINDS = [
  'running',
  'stopped',
  'auto_stopped',
  'outbid',
  'error',
  'host_offline',
  'destroyed',
  'ending_24h',
  'ending_1h',
  'boot_fallback',
] as const
export type InstanceEventKind = (typeof INSTANCE_EVENT_KINDS)[number]

const EVENT_KINDS: Partial<Record<UiStatus, InstanceEvent['kind']>> = {
  running: 'running',
  stopped: 'stopped',
  error: 'error',
  exited: 'error',
  outbid: 'stopped',
  host_offline: 'host_offline',
}

type ObservedMap = Record<string, Observed>

const STATUSES = [
  'provisioning',
  'loading',
  'running',
  'starting',
  'stopping',
  'stopped',
  'rebooting',
  'scheduling',
  'paused',
  'host_offline',
  'outbid',
  'exited',
  'error',
  'unknown',
] as const satisfies readonly UiStatus[]

const storedSchema = z.record(
  z.string(),
  z.object({
    history: z.array(z.object({ status: z.enum(STATUSES), at: z.number() })),
    lastSeen: z.number(),
    gone: z.optional(z.boolean()),
    account: z.optional(z.string()),
    warned: z.optional(z.array(z.enum(['24h', '1h']))),
  }),
)

function load(): ObservedMap {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY)
    if (!raw) return {}
    const parsed = z.safeParse(storedSchema, JSON.parse(raw))
    return parsed.success ? parsed.data : {}
  } catch {
    return {}
  }
}

function save(map: ObservedMap): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(map))
  } catch {
    // storage full or blocked: observations stay in memory
  }
}

const store = create<{ map: ObservedMap }>()(() => ({
  map: typeof window === 'undefined' ? {} : load(),
}))

/**
 * Records the statuses in one complete list response of one account and returns the events it
 * reveals: a change into running, stopped (auto-stopped when the watchdog's deadline had passed),
 * error or host offline, an interruptible instance outbid, an instance of that account no longer
 * listed, and a contract ending within 24 h and within 1 h. An instance seen for the first time
 * raises no status event; each event is raised once (it is stored). Instances of other accounts
 * (and older entries without an account, which are adopted by the first account that lists them)
 * are left alone.
 */
export function recordSightings(
  instances: readonly Instance[],
  now = Date.now(),
  account: string | null = null,
): InstanceEvent[] {
  const map = { ...store.getState().map }
  const events: InstanceEvent[] = []
  const listed = new Set(instances.map((i) => String(i.id)))
  const ours = (entry: Observed) =>
    account === null || entry.account === undefined || entry.account === account
  for (const [id, entry] of Object.entries(map)) {
    if (!listed.has(id) && !entry.gone && ours(entry)) {
      map[id] = { ...entry, gone: true }
      events.push({ id: Number(id), kind: 'destroyed', at: now })
    }
  }
  const tag = account === null ? {} : { account }
  for (const instance of instances) {
    const id = String(instance.id)
    const status = uiStatus(instance)
    const entry = map[id]
    const last = entry?.history.at(-1)
    const warned = entry?.warned ?? []
    const due = endWarning(instance, now)
    const warn = due && !warned.includes(due) ? due : null
    const kept = warn ? { warned: [...warned, warn] } : entry?.warned ? { warned } : {}
    if (warn)
      events.push({ id: instance.id, kind: warn === '1h' ? 'ending_1h' : 'ending_24h', at: now })
    if (!entry || last?.status !== status) {
      map[id] = {
        history: [...(entry?.history ?? []), { status, at: now }].slice(-20),
        lastSeen: now,
        ...tag,
        ...kept,
      }
      const kind = eventKind(instance, status, last?.status, now)
      if (entry && !entry.gone && kind) events.push({ id: instance.id, kind, at: now })
    } else {
      map[id] = { ...entry, lastSeen: now, ...tag, ...kept }
    }
  }
  for (const [id, entry] of Object.entries(map)) {
    if (now - entry.lastSeen > FORGET_AFTER_MS) delete map[id]
  }
  store.setState({ map })
  save(map)
  return events
}

/** The event a change into `status` raises, if any. */
function eventKind(
  instance: Instance,
  status: UiStatus,
  previous: UiStatus | undefined,
  now: number,
): InstanceEventKind | null {
  if (previous === 'running' && isOutbid(instance)) return 'outbid'
  if (status === 'stopped') {
    const deadline = armedWatchdog(instance)?.rules.deadline
    if (deadline?.action === 'stop' && deadline.atSec * 1000 <= now) return 'auto_stopped'
  }
  return EVENT_KINDS[status] ?? null
}

/**
 * When the instance entered its current status, as first seen here (the poll's stuck clock). A
 * status not seen before is recorded now, without an event: only settled statuses raise one, and
 * recordSightings raises it when it sees the change.
 */
export function statusSince(
  instance: Pick<Instance, 'id' | 'actual_status' | 'intended_status' | 'status_msg'>,
  now = Date.now(),
): number {
  const status = uiStatus(instance)
  const id = String(instance.id)
  const map = store.getState().map
  const entry = map[id]
  const last = entry?.history.at(-1)
  if (last?.status === status) return last.at
  const history = [...(entry?.history ?? []), { status, at: now }].slice(-20)
  const next = { ...map, [id]: { ...entry, history, lastSeen: now } }
  store.setState({ map: next })
  save(next)
  return now
}

/** Records each list response as it lands and hands its events on. */
export function useRecordSightings(
  instances: readonly Instance[] | undefined,
  onEvents?: (events: InstanceEvent[]) => void,
  account: string | null = null,
): void {
  useEffect(() => {
    if (!instances) return
    const events = recordSightings(instances, Date.now(), account)
    if (events.length > 0) onEvents?.(events)
  }, [instances, onEvents, account])
}

export const useObserved = (id: number): Observed | undefined => store((s) => s.map[String(id)])

export const useObservedMap = (): ObservedMap => store((s) => s.map)
export const readObservedMap = (): ObservedMap => store.getState().map

/** When this browser first saw the instance in its current stopped spell, or null. */
export function stoppedSinceIn(map: ObservedMap, id: number): number | null {
  const history = map[String(id)]?.history
  const last = history?.at(-1)
  return last?.status === 'stopped' ? last.at : null
}

/** Test setup: starts with no history. */
export function resetObserved(): void {
  store.setState({ map: {} })
}
