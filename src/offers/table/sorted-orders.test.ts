import { renderHook } from '@testing-library/react'
import { useTable, type SortingState } from '@tanstack/react-table'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { offerColumns } from './offer-columns'
import { OFFER_SORT_KEYS } from './use-offer-table'
import { offerFeatures, type OfferRow } from './offer-table-features'
import { createSortIndex } from './sorted-orders'

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null })
/** Few distinct values, so ties and unknowns are common. */
const small = fc.integer({ min: 0, max: 4 })

const rowArb = fc.record({
  gpu_name: fc.constantFrom('RTX 4090', 'rtx 4090', 'H100 SXM', 'A100', 'RTX 3090'),
  num_gpus: fc.constantFrom(1, 2, 8),
  dph_base: fc.constant(0.2),
  dph_total: small.map((n) => n / 10),
  storage_cost: fc.constant(0.1),
  gpu_ram: maybe(small),
  dlperf_per_dphtotal: maybe(small),
  reliability2: maybe(small.map((n) => n / 4)),
  geolocation: maybe(fc.constantFrom('Texas, US', 'texas, us', 'Bavaria, DE', 'Ontario, CA')),
  duration: maybe(small),
  verification: maybe(fc.constantFrom('verified', 'unverified')),
  cpu_cores_effective: maybe(small),
  total_flops: maybe(small),
  jobCost: small,
})

const rowsArb = fc
  .array(rowArb, { maxLength: 60 })
  .map((rows) => rows.map((row, i): OfferRow => ({ ...row, id: 1000 + i })))

const sortingArb: fc.Arbitrary<SortingState> = fc.uniqueArray(
  fc.record({
    id: fc.constantFrom(...OFFER_SORT_KEYS.map((key) => key.id)),
    desc: fc.boolean(),
  }),
  { selector: (s) => s.id, maxLength: 3 },
)

/** The order the table's own sorted row model gives (the sort before sorted orders). */
function tableOrder(rows: OfferRow[], sorting: SortingState): number[] {
  const { result, unmount } = renderHook(() =>
    useTable({
      features: offerFeatures,
      columns: offerColumns,
      data: rows,
      getRowId: (row) => String(row.id),
      state: { sorting },
    }),
  )
  const ids = result.current.getRowModel().rows.map((row) => row.original.id)
  unmount()
  return ids
}

describe('createSortIndex', () => {
  it('orders rows as the table sort does, for any keys and directions', () => {
    fc.assert(
      fc.property(rowsArb, sortingArb, (rows, sorting) => {
        const picked = createSortIndex(rows, OFFER_SORT_KEYS).pick(sorting)
        expect(Array.from(picked, (i) => rows[i]?.id)).toEqual(tableOrder(rows, sorting))
      }),
      { numRuns: 150 },
    )
  })

  it('picks a subset in the same relative order as sorting the subset', () => {
    fc.assert(
      fc.property(
        rowsArb,
        sortingArb,
        fc.array(fc.boolean(), { maxLength: 60 }),
        (rows, sorting, keep) => {
          const subset = Uint32Array.from(rows.keys()).filter((i) => keep[i] === true)
          const picked = createSortIndex(rows, OFFER_SORT_KEYS).pick(sorting, subset)
          const kept = Array.from(subset, (i) => rows[i]).filter((r) => r !== undefined)
          expect(Array.from(picked, (i) => rows[i]?.id)).toEqual(tableOrder(kept, sorting))
        },
      ),
      { numRuns: 100 },
    )
  })

  it('keeps unknown values last in both directions', () => {
    const rows = [
      { id: 1, gpu_ram: null },
      { id: 2, gpu_ram: 24 },
      { id: 3, gpu_ram: 80 },
    ]
    const index = createSortIndex(rows, [{ id: 'vram', value: (r) => r.gpu_ram ?? undefined }])
    expect([...index.pick([{ id: 'vram', desc: false }])]).toEqual([1, 2, 0])
    expect([...index.pick([{ id: 'vram', desc: true }])]).toEqual([2, 1, 0])
  })

  it('builds a column ahead of its first sort once, and only known columns', () => {
    const rows = [{ price: 0.3 }, { price: 0.1 }, { price: 0.2 }]
    const index = createSortIndex(rows, [{ id: 'price', value: (r) => r.price }])
    expect(index.prepare('price')).toBe(true)
    expect(index.prepare('price')).toBe(false)
    expect(index.prepare('nothing')).toBe(false)
    expect([...index.pick([{ id: 'price', desc: false }])]).toEqual([1, 2, 0])
  })
})
