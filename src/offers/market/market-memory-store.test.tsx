import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as z from 'zod/mini'
import sample from '../../api/fixtures/offers.json'
import { offerSchema, type Offer } from '../../api/offers/schemas'
import { recordSearch, resetPriceHistory } from '../history/price-history-store'
import {
  exportMemory,
  factsFor,
  importMemory,
  recordBoot,
  recordOffers,
  resetMarketMemory,
  useMarketMemory,
} from './market-memory-store'

const offer = (id: number, machine: number, price: number, reliability: number): Offer =>
  z.parse(offerSchema, {
    ...sample.offers[0],
    id,
    machine_id: machine,
    gpu_name: 'RTX 4090',
    num_gpus: 1,
    dph_total: price,
    reliability,
    reliability2: reliability,
    storage_total_cost: 0,
  })

const snapshot = () => {
  let state: ReturnType<typeof useMarketMemory> | undefined
  // The store's getter is what the hook returns; read it through a throwaway subscriber.
  const Probe = () => {
    state = useMarketMemory()
    return null
  }
  return { Probe, read: () => state }
}

describe('market memory store', () => {
  beforeEach(() => {
    resetMarketMemory()
    resetPriceHistory()
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('remembers each machine across searches and tells its usual price and trend', async () => {
    recordOffers({}, [offer(1, 70, 0.4, 0.99), offer(2, 71, 0.9, 0.9)], 'on-demand', 1_000)
    recordOffers({}, [offer(3, 70, 0.6, 0.97)], 'on-demand', 2_000)
    recordOffers({}, [offer(4, 70, 0.5, 0.95)], 'on-demand', 3_000)
    recordBoot({ instanceId: 9, machineId: 70, model: 'RTX 4090', at: 4_000, seconds: 130 })
    const { render } = await import('@testing-library/react')
    const probe = snapshot()
    render(<probe.Probe />)
    const state = probe.read()
    if (!state) throw new Error('no state')
    expect(factsFor(state, 70)).toEqual({
      usualPrice: 0.5,
      sightings: 3,
      reliabilityTrend: 'down',
      lastBootSeconds: 130,
    })
    // Seen once and never booted here: nothing to say yet.
    expect(factsFor(state, 71)).toBeNull()
  })

  it('records one answer once', () => {
    const answer = {}
    recordOffers(answer, [offer(1, 70, 0.4, 0.99)], 'on-demand', 1_000)
    recordOffers(answer, [offer(1, 70, 0.4, 0.99)], 'on-demand', 1_000)
    const exported: unknown = JSON.parse(exportMemory())
    expect(exported).toMatchObject({
      format: 'vast-console.market-memory',
      machines: [{ machineId: 70, sightings: [{ price: 0.4 }] }],
    })
  })

  it('exports everything as one JSON file and imports it back without doubling', async () => {
    for (const [at, price] of [
      [1_000, 0.4],
      [2_000, 0.5],
    ] as const) {
      vi.spyOn(Date, 'now').mockReturnValue(at)
      recordSearch({}, [offer(at, 70, price, 0.99)], 'on-demand')
      recordOffers({}, [offer(at, 70, price, 0.99)], 'on-demand', at)
    }
    recordBoot({ instanceId: 9, machineId: 70, model: 'RTX 4090', at: 4_000, seconds: 130 })
    const text = exportMemory()
    resetMarketMemory()
    resetPriceHistory()
    expect(await importMemory(text)).toEqual({ snapshots: 2, machines: 1, boots: 1 })
    expect(await importMemory(text)).toEqual({ snapshots: 0, machines: 1, boots: 0 })
    expect(exportMemory()).toBe(text)
    // A broken row is dropped, the rest kept.
    const broken = JSON.stringify({ machines: [{ machineId: 'x' }], boots: [{ instanceId: 10 }] })
    expect(await importMemory(broken)).toEqual({ snapshots: 0, machines: 0, boots: 0 })
  })
})
