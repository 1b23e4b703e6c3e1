import { describe, expect, it } from 'vitest'
import { parseRowSort, serializeRowSort } from './row-sort-url'

const COLUMNS = new Set(['price', 'vram', 'gpu'])

describe('row sort in the URL', () => {
  it('round-trips a multi-column sort', () => {
    const sorting = [
      { id: 'price', desc: false },
      { id: 'vram', desc: true },
    ]
    expect(parseRowSort(serializeRowSort(sorting), COLUMNS)).toEqual(sorting)
  })

  it('drops unknown columns, repeats, bad directions and anything past four keys', () => {
    expect(parseRowSort('nope:asc,price:up,price:desc,price:asc,gpu', COLUMNS)).toEqual([
      { id: 'price', desc: true },
      { id: 'gpu', desc: false },
    ])
    expect(parseRowSort(null, COLUMNS)).toEqual([])
    const many = new Set(['a', 'b', 'c', 'd', 'e'])
    expect(parseRowSort('a,b,c,d,e', many)).toHaveLength(4)
  })
})
