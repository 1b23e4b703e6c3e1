import { describe, expect, it } from 'vitest'
import { DEFAULT_FILTERS } from './offer-filters'
import { toBundlesQuery } from './filter-criteria'
import { toCurl, toVastaiCli } from './query-export'

const filters = {
  ...DEFAULT_FILTERS,
  gpuModels: ['RTX 4090', 'H100 SXM'],
  minVramGb: 24,
  minRamGb: 64,
  minDurationDays: 7,
  maxPrice: 1.5,
  countries: ['US', 'CA'],
  type: 'bid' as const,
  sort: 'price-asc' as const,
}

describe('toCurl', () => {
  it('posts the exact body, reads the key from the environment and never writes one', () => {
    const curl = toCurl(toBundlesQuery(filters))
    expect(curl).toContain('curl -sS -X POST https://console.vast.ai/api/v0/bundles/')
    expect(curl).toContain('-H "Authorization: Bearer $VAST_API_KEY"')
    expect(curl).toContain("-H 'Content-Type: application/json'")
    const body = /--data '(.*)'$/s.exec(curl)?.[1] ?? ''
    expect(JSON.parse(body)).toMatchObject({
      gpu_name: { in: ['RTX 4090', 'H100 SXM'] },
      gpu_ram: { gte: 22855 },
      dph_total: { lte: 1.5 },
      type: 'bid',
    })
  })

  it('escapes single quotes for the shell', () => {
    const curl = toCurl(toBundlesQuery({ ...DEFAULT_FILTERS, gpuModels: ["O'Brien GPU"] }))
    expect(curl).toContain(`"O'\\''Brien GPU"`)
  })
})

describe('toVastaiCli', () => {
  it('writes the query in the CLI units and spellings', () => {
    const cli = toVastaiCli(toBundlesQuery(filters))
    expect(cli).toBe(
      "vastai search offers 'rented=False gpu_name in [RTX_4090,H100_SXM] gpu_ram>=22.855 " +
        "cpu_ram>=64 verified=True dph_total<=1.5 geolocation in [US,CA] duration>=7' -o 'dph_total' " +
        '--type bid --limit 100 --storage 10',
    )
  })

  it('writes rented=False out: the current CLI command does not add it, the app sends it', () => {
    const cli = toVastaiCli(toBundlesQuery(DEFAULT_FILTERS))
    expect(cli).toMatch(/^vastai search offers '[^']*\brented=False\b/)
    expect(cli).not.toContain('rentable')
    expect(cli).not.toContain('external')
  })

  it('turns the CLI default "verified" off when the search allows unverified machines', () => {
    const cli = toVastaiCli(toBundlesQuery({ ...DEFAULT_FILTERS, verified: false }))
    expect(cli).toBe(
      "vastai search offers 'verified=any rented=False' -o 'score-' --limit 100 --storage 10",
    )
  })
})
