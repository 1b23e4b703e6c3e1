/**
 * Market memory: per machine the prices, reliability and availability this browser saw; per GPU
 * model the price by hour of day and day of week; per boot it watched, rent → running. Kept in
 * IndexedDB (memory-db.ts, bounded, oldest dropped) and mirrored in memory for the page. It is
 * what this browser saw, not server state: the offers themselves stay in the query cache.
 */
import { useSyncExternalStore } from 'react'
import type { Offer } from '../../api/offers/schemas'
import {
  addModels,
  addModelSample,
  addSighting,
  MAX_BOOTS,
  MAX_MACHINES,
  mergeMachines,
  percentileOf,
  seenFacts,
  type BootRecord,
  type MachineMemory,
  type ModelMemory,
  type SeenFacts,
} from '../../domain/market/machine-memory'
import { currentSnapshots, loadHistory, mergeSnapshots } from '../history/price-history-store'
import { perGpuHour } from '../history/price-stats'
import { offerReliability } from '../offer-format'
import { dropOldest, memoryDb } from './memory-db'
import { bootSchema, machineSchema, modelSchema, rowsOf } from './memory-schema'

export interface MarketMemory {
  machines: ReadonlyMap<number, MachineMemory>
  models: ReadonlyMap<string, ModelMemory>
  boots: readonly BootRecord[]
}

let memory: MarketMemory = { machines: new Map(), models: new Map(), boots: [] }
let loading: Promise<void> | null = null
const listeners = new Set<() => void>()
const recorded = new WeakSet<object>()

function publish(next: MarketMemory) {
  memory = next
  listeners.forEach((listener) => listener())
}

/** Keeps the MAX_MACHINES seen most recently; returns how many were dropped. */
function trimMachines(machines: Map<number, MachineMemory>): number {
  const extra = machines.size - MAX_MACHINES
  if (extra <= 0) return 0
  const oldest = [...machines.values()].sort((a, b) => a.lastSeen - b.lastSeen).slice(0, extra)
  for (const m of oldest) machines.delete(m.machineId)
  return extra
}

async function persist(
  machines: readonly MachineMemory[],
  models: readonly ModelMemory[],
  boots: readonly BootRecord[],
) {
  const db = await memoryDb()
  if (!db) return
  const tx = db.transaction(['machines', 'models', 'boots'], 'readwrite')
  await Promise.all([
    ...machines.map((m) => tx.objectStore('machines').put(m)),
    ...models.map((m) => tx.objectStore('models').put(m)),
    ...boots.map((b) => tx.objectStore('boots').put(b)),
    tx.done,
  ])
  await dropOldest(db, 'machines', (await db.count('machines')) - MAX_MACHINES)
  await dropOldest(db, 'boots', (await db.count('boots')) - MAX_BOOTS)
}

/** Loads the stored memory once per page (with the price history it sits beside). */
export function loadMemory(): Promise<void> {
  loading ??= (async () => {
    await loadHistory()
    const db = await memoryDb()
    if (!db) return
    const [machines, models, boots] = await Promise.all([
      db.getAll('machines'),
      db.getAll('models'),
      db.getAll('boots'),
    ]).catch(() => [[], [], []] as const)
    // The page's first search can be recorded before the stored rows are read (its answer is
    // often there at once): what was recorded meanwhile adds to the stored rows, never replaces
    // them, and the merged rows are what gets written back.
    const nextMachines = new Map(machines.map((m) => [m.machineId, m]))
    for (const [id, m] of memory.machines)
      nextMachines.set(id, mergeMachines(nextMachines.get(id), m))
    trimMachines(nextMachines)
    const nextModels = new Map(models.map((m) => [m.key, m]))
    for (const [key, m] of memory.models) nextModels.set(key, addModels(nextModels.get(key), m))
    const seen = new Set(memory.boots.map((b) => b.instanceId))
    publish({
      machines: nextMachines,
      models: nextModels,
      boots: [...boots.filter((b) => !seen.has(b.instanceId)), ...memory.boots]
        .sort((a, b) => a.at - b.at)
        .slice(-MAX_BOOTS),
    })
  })()
  return loading
}

/** Records one server answer's offers (each answer object once). */
export function recordOffers(
  answer: object,
  offers: readonly Offer[],
  type: string,
  at = Date.now(),
): void {
  if (recorded.has(answer) || offers.length === 0) return
  recorded.add(answer)
  const machines = new Map(memory.machines)
  const models = new Map(memory.models)
  const changed = new Map<number, MachineMemory>()
  const perModel = new Map<string, number[]>()
  for (const offer of offers) {
    const value = perGpuHour(offer)
    if (Number.isFinite(value) && value > 0) {
      const values = perModel.get(offer.gpu_name) ?? []
      values.push(value)
      perModel.set(offer.gpu_name, values)
    }
    if (offer.machine_id == null) continue
    const next = addSighting(
      machines.get(offer.machine_id),
      {
        machineId: offer.machine_id,
        model: offer.gpu_name,
        price: offer.dph_total,
        reliability: offerReliability(offer) ?? null,
        gpus: offer.num_gpus,
      },
      at,
    )
    machines.set(offer.machine_id, next)
    changed.set(offer.machine_id, next)
  }
  const changedModels: ModelMemory[] = []
  for (const [model, values] of perModel) {
    const median = percentileOf(values, 50)
    if (median === null) continue
    const next = addModelSample(models.get(`${type}|${model}`), model, type, median, at)
    models.set(next.key, next)
    changedModels.push(next)
  }
  trimMachines(machines)
  publish({ ...memory, machines, models })
  // Written once the stored memory is read, as it then stands (merged with the stored rows).
  void loadMemory().then(() =>
    persist(
      [...changed.keys()].flatMap((id) => memory.machines.get(id) ?? []),
      changedModels.flatMap((m) => memory.models.get(m.key) ?? []),
      [],
    ),
  )
}

/** Records a boot this browser watched (each instance once). */
export function recordBoot(boot: BootRecord): void {
  if (memory.boots.some((b) => b.instanceId === boot.instanceId)) return
  publish({ ...memory, boots: [...memory.boots, boot].slice(-MAX_BOOTS) })
  void loadMemory().then(() => persist([], [], [boot]))
}

export const hasBoot = (instanceId: number): boolean =>
  memory.boots.some((b) => b.instanceId === instanceId)

/** What the memory says about an offer's machine, or null when it has nothing. */
export function factsFor(
  state: MarketMemory,
  machineId: number | null | undefined,
): SeenFacts | null {
  if (machineId == null) return null
  return seenFacts(
    state.machines.get(machineId),
    state.boots.filter((b) => b.machineId === machineId),
  )
}

export const EXPORT_FORMAT = 'vast-console.market-memory'

/** The whole memory (price history, machines, models, boots) as one JSON document. */
export function exportMemory(): string {
  return JSON.stringify({
    format: EXPORT_FORMAT,
    version: 2,
    snapshots: currentSnapshots(),
    machines: [...memory.machines.values()],
    models: [...memory.models.values()],
    boots: memory.boots,
  })
}

export interface ImportCounts {
  snapshots: number
  machines: number
  boots: number
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value
    ? Object.entries(value).find(([k]) => k === key)?.[1]
    : undefined
}

/**
 * Merges an export (this one, or an older price-history-only one) into the memory: sightings
 * are merged by time, a model keeps whichever side has more samples, boots by instance.
 */
export async function importMemory(text: string): Promise<ImportCounts> {
  const value: unknown = JSON.parse(text)
  const snapshots = await mergeSnapshots(value)
  await loadMemory()
  const machines = new Map(memory.machines)
  const incomingMachines = rowsOf(machineSchema, field(value, 'machines'))
  for (const m of incomingMachines)
    machines.set(m.machineId, mergeMachines(machines.get(m.machineId), m))
  trimMachines(machines)
  const models = new Map(memory.models)
  const samples = (m: ModelMemory) => m.byHour.reduce((n, b) => n + b.n, 0)
  for (const m of rowsOf(modelSchema, field(value, 'models'))) {
    const mine = models.get(m.key)
    if (!mine || samples(m) > samples(mine)) models.set(m.key, m)
  }
  const known = new Set(memory.boots.map((b) => b.instanceId))
  const newBoots = rowsOf(bootSchema, field(value, 'boots')).filter((b) => !known.has(b.instanceId))
  const boots = [...memory.boots, ...newBoots].sort((a, b) => a.at - b.at).slice(-MAX_BOOTS)
  publish({ machines, models, boots })
  await persist([...machines.values()], [...models.values()], newBoots)
  return { snapshots, machines: incomingMachines.length, boots: newBoots.length }
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useMarketMemory(): MarketMemory {
  return useSyncExternalStore(
    subscribe,
    () => memory,
    () => memory,
  )
}

/** Tests: forget the in-memory copy. */
export function resetMarketMemory(): void {
  loading = null
  publish({ machines: new Map(), models: new Map(), boots: [] })
}
