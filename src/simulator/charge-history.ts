/**
 * The world's billing history: the instances it holds now, those destroyed since it started, and
 * a seeded month of earlier contracts (about 35 days), so the ledger matches what the demo did;
 * each contract priced into a charge row over any span, and the seeded top-ups that paid for them.
 */
import { costBetween, type SimInstance, type Transition } from './lifecycle'
import { worldNow, type World } from './model'
import { intBetween, mulberry32, round, type Rng } from './rng'
import type { Json, Row } from './responses'

const H = 3_600_000
const DAY = 24 * H
/** How far back the seeded history reaches. */
export const HISTORY_DAYS = 35

/** One contract's billing: its span and what it cost between two instants (ms). */
export interface Contract {
  id: number
  label: string | null
  templateId: number | null
  from: number
  /** Destroyed at (ms), or Infinity while it exists. */
  until: number
  gpuHour: number
  storageHour: number
  cost: (from: number, to: number) => { gpu: number; storage: number }
}

interface Ledger {
  history: Contract[]
  destroyed: Contract[]
  /** Seeded history size (the bench asks for more). */
  contracts: number
}

const ledgers = new WeakMap<World, Ledger>()

const LABELS = ['proj-a/train', 'proj-a/eval', 'proj-b/sweep', 'inference', 'notebook-old', null]
const TEMPLATES = [null, 101, 202, 303]

function seededHistory(world: World, count: number): Contract[] {
  const rng: Rng = mulberry32(0x0c4a26e5 ^ (world.seq * 7919))
  const end = world.startedAt
  const start = end - HISTORY_DAYS * DAY
  const out: Contract[] = []
  for (let i = 0; i < count; i += 1) {
    const from = start + Math.floor(rng() * (end - start - 2 * H))
    const hours = intBetween(rng, 1, 40)
    const runEnd = Math.min(end, from + hours * H)
    // A third were stopped and kept their disk for a while before being destroyed.
    const until = rng() < 0.33 ? Math.min(end, runEnd + intBetween(rng, 6, 96) * H) : runEnd
    const gpuHour = round(0.1 + rng() * 0.9, 3)
    const storageHour = round(0.004 + rng() * 0.03, 4)
    out.push({
      id: 26_000_000 + world.seq * 10_000 + i,
      label: LABELS[intBetween(rng, 0, LABELS.length - 1)] ?? null,
      templateId: TEMPLATES[intBetween(rng, 0, TEMPLATES.length - 1)] ?? null,
      from,
      until,
      gpuHour,
      storageHour,
      cost: (a, b) => ({
        gpu: (Math.max(0, Math.min(b, runEnd) - Math.max(a, from)) * gpuHour) / H,
        storage: (Math.max(0, Math.min(b, until) - Math.max(a, from)) * storageHour) / H,
      }),
    })
  }
  return out
}

function ledgerOf(world: World): Ledger {
  let ledger = ledgers.get(world)
  if (!ledger) {
    ledger = { history: seededHistory(world, 45), destroyed: [], contracts: 45 }
    ledgers.set(world, ledger)
  }
  return ledger
}

/** Reseeds the history with `count` contracts (the bench's 10,000 rows). */
export function seedChargeHistory(world: World, count: number): void {
  ledgers.set(world, { history: seededHistory(world, count), destroyed: [], contracts: count })
}

function contractOf(inst: SimInstance, until: number): Contract {
  const transition: Transition = inst.transition
  return {
    id: inst.id,
    label: inst.label,
    templateId: inst.template?.id ?? null,
    from: inst.createdAt,
    until,
    gpuHour: inst.gpuHour,
    storageHour: inst.storageHour,
    cost: (a, b) => {
      const lo = Math.max(a, inst.createdAt)
      const hi = Math.min(b, until)
      if (hi <= lo) return { gpu: 0, storage: 0 }
      const rates = { gpuHour: inst.gpuHour, storageHour: inst.storageHour }
      const all = costBetween(transition, lo, hi, rates)
      const storage = costBetween(transition, lo, hi, { ...rates, gpuHour: 0 })
      return { gpu: all - storage, storage }
    },
  }
}

/** Keeps a destroyed instance's contract, so its charges stay in the ledger. Call before destroying. */
export function rememberDestroyed(world: World, inst: SimInstance | undefined): void {
  if (!inst) return
  ledgerOf(world).destroyed.push(contractOf(inst, worldNow(world)))
}

export function contractsOf(world: World): Contract[] {
  const ledger = ledgerOf(world)
  const live = [...world.instances.values()].map((inst) => contractOf(inst, Infinity))
  return [...ledger.history, ...ledger.destroyed, ...live]
}

const r3 = (value: number) => round(value, 3)
const secs = (ms: number) => Math.floor(ms / 1000)

/** The row for one contract over [from, to) (ms), or null when it cost nothing there. */
export function chargeRow(contract: Contract, from: number, to: number): Row | null {
  const lo = Math.max(from, contract.from)
  const hi = Math.min(to, contract.until)
  if (hi <= lo) return null
  const { gpu, storage } = contract.cost(lo, hi)
  const gpuHours = contract.gpuHour > 0 ? gpu / contract.gpuHour : 0
  const amounts: [string, number, string][] = [
    ['gpu', r3(gpu), `${gpuHours.toFixed(3)} hours at $${contract.gpuHour.toFixed(3)}/hour`],
    ['disk', r3(storage), `storage at $${contract.storageHour.toFixed(4)}/hour`],
    ['bwd', r3(gpu * 0.015), 'download'],
    ['bwu', r3(gpu * 0.005), 'upload'],
  ]
  const items: Json[] = amounts
    .filter(([, amount]) => amount > 0)
    .map(([type, amount, description]) => ({
      start: secs(lo),
      end: secs(hi),
      type,
      source: null,
      description,
      amount,
      metadata: {},
      items: [],
    }))
  const amount = r3(amounts.reduce((sum, [, a]) => sum + a, 0))
  if (amount <= 0) return null
  const metadata: Row = {}
  if (contract.templateId !== null) metadata.template_id = contract.templateId
  if (contract.label !== null) metadata.label = contract.label
  const days = Math.max(1, Math.ceil((hi - lo) / DAY))
  return {
    start: secs(lo),
    end: secs(hi),
    type: 'instance',
    source: `instance-${contract.id}`,
    description: `Instance ${contract.id} Charges - ${days} day${days === 1 ? '' : 's'}`,
    amount,
    metadata,
    items,
  }
}

/** Seeded top-ups: one whenever the running balance of the history would fall under $10. */
export function paymentsOf(world: World): Row[] {
  const rng = mulberry32(0x1badb002 ^ world.seq)
  const contracts = ledgerOf(world).history
  const start = world.startedAt - HISTORY_DAYS * DAY
  const out: Row[] = []
  let balance = 0
  for (let t = start; t < world.startedAt; t += 6 * H) {
    for (const c of contracts) {
      const { gpu, storage } = c.cost(t, t + 6 * H)
      balance -= gpu * 1.02 + storage
    }
    if (balance < 10) {
      const amount = [100, 200, 250][intBetween(rng, 0, 2)] ?? 100
      balance += amount
      const at = secs(t)
      out.push({
        start: at,
        end: at + intBetween(rng, 5, 300),
        type: 'credit',
        source: 'stripe',
        description: 'Manual Billing from MASTERCARD ...4242',
        amount: -amount,
        metadata: {
          invoice_id: 2_180_000 + world.seq * 1000 + out.length,
          service: 'stripe_payments',
        },
        items: [],
      })
    }
  }
  return out.reverse()
}
