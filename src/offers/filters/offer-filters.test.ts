import { describe, expect, it } from 'vitest'
import type { Offer } from '../../api/offers/schemas'
import {
  computeCapToApi,
  countryOf,
  daysToSeconds,
  DEFAULT_FILTERS,
  percentToFraction,
  ramGbToMb,
  vramGbToMb,
  type OfferFilters,
} from './offer-filters'
import { isNarrowing, offerMatches } from './filter-criteria'
import { EVERYTHING } from '../../test/offer-filters'

describe('unit conversions (reference §3.3, §8.6)', () => {
  it('sends VRAM in MB with the 7% tolerance, so a 24 GB card (24564 MB) matches 24 GB', () => {
    expect(vramGbToMb(24)).toBe(22855)
    expect(vramGbToMb(24)).toBeLessThan(24564)
    expect(vramGbToMb(80)).toBeLessThan(81559)
  })

  it('sends host RAM ×1000 MB, compute capability ×100, days in seconds, percent as 0–1', () => {
    expect(ramGbToMb(64)).toBe(64000)
    expect(computeCapToApi(8.6)).toBe(860)
    expect(computeCapToApi(12)).toBe(1200)
    expect(daysToSeconds(7)).toBe(604800)
    expect(daysToSeconds(0.5)).toBe(43200)
    expect(percentToFraction(98.5)).toBe(0.985)
  })

  it('reads the country as the last token of geolocation', () => {
    expect(countryOf('Yutakachō, Shinagawa District, Tokyo, JP')).toBe('JP')
    expect(countryOf(' Texas,us ')).toBe('US')
    expect(countryOf(null)).toBeNull()
  })
})

describe('offerMatches (the same filters over loaded rows)', () => {
  const offer: Offer = {
    id: 1,
    gpu_name: 'RTX 4090',
    num_gpus: 2,
    gpu_ram: 24564,
    compute_cap: 890,
    cuda_max_good: 12.4,
    cpu_cores_effective: 16,
    cpu_ram: 64300,
    disk_space: 250,
    disk_bw: 2000,
    inet_up: 600,
    inet_down: 900,
    verification: 'verified',
    hosting_type: 1,
    static_ip: true,
    direct_port_count: 10,
    reliability: 0.99,
    dph_base: 1,
    dph_total: 1.1,
    storage_cost: 0.1,
    geolocation: 'Bavaria, DE',
    duration: 30 * 86_400,
  }

  it('passes an offer that meets every filter and fails it on each one', () => {
    expect(offerMatches(offer, { ...EVERYTHING, type: 'on-demand' })).toBe(true)
    const failing: Partial<OfferFilters>[] = [
      { gpuModels: ['H100 SXM'] },
      { numGpus: 4 },
      { minVramGb: 32 },
      { minComputeCap: 9 },
      { minCuda: 12.6 },
      { minCpuCores: 32 },
      { minRamGb: 128 },
      { minDiskGb: 500 },
      { minDiskBw: 3000 },
      { minInetUp: 1000 },
      { minInetDown: 1000 },
      { minReliability: 99.5 },
      { maxPrice: 1 },
      { countries: ['DE'] },
      { minDurationDays: 31 },
    ]
    for (const patch of failing)
      expect(offerMatches(offer, { ...EVERYTHING, ...patch })).toBe(false)
    expect(offerMatches({ ...offer, hosting_type: 0 }, EVERYTHING)).toBe(false)
    expect(offerMatches({ ...offer, static_ip: false }, EVERYTHING)).toBe(false)
    expect(offerMatches({ ...offer, direct_port_count: 0 }, EVERYTHING)).toBe(false)
    expect(offerMatches({ ...offer, verification: 'unverified' }, DEFAULT_FILTERS)).toBe(false)
  })

  it('fails a comparison on a missing value, as the server does', () => {
    expect(offerMatches({ ...offer, cpu_cores_effective: null }, EVERYTHING)).toBe(false)
  })
})

describe('isNarrowing', () => {
  const broad: OfferFilters = { ...DEFAULT_FILTERS, maxPrice: 2, gpuModels: ['A', 'B'] }

  it('accepts stricter or added filters with the same type and order', () => {
    expect(isNarrowing(broad, { ...broad, maxPrice: 1 })).toBe(true)
    expect(isNarrowing(broad, { ...broad, gpuModels: ['A'] })).toBe(true)
    expect(isNarrowing(broad, { ...broad, minVramGb: 24, directPorts: true })).toBe(true)
    expect(isNarrowing(broad, { ...broad, limit: 50 })).toBe(true)
  })

  it('refuses anything looser, or another type or order', () => {
    expect(isNarrowing(broad, { ...broad, maxPrice: 3 })).toBe(false)
    expect(isNarrowing(broad, { ...broad, maxPrice: null })).toBe(false)
    expect(isNarrowing(broad, { ...broad, gpuModels: ['A', 'C'] })).toBe(false)
    expect(isNarrowing(broad, { ...broad, verified: false })).toBe(false)
    expect(isNarrowing(broad, { ...broad, type: 'bid' })).toBe(false)
    expect(isNarrowing(broad, { ...broad, sort: 'price-asc' })).toBe(false)
    const excluding = { ...DEFAULT_FILTERS, countries: ['US'], countryMode: 'exclude' as const }
    expect(isNarrowing(excluding, { ...excluding, countries: ['US', 'CA'] })).toBe(true)
    expect(isNarrowing(excluding, { ...excluding, countries: [] })).toBe(false)
  })
})
