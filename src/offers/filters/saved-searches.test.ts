import { describe, expect, it } from 'vitest'
import { DEFAULT_FILTERS } from './offer-filters'
import { filtersOf, readSavedSearches, withSaved } from './saved-searches'

describe('saved searches', () => {
  it('stores the filters as their URL form and reads them back', () => {
    const filters = {
      ...DEFAULT_FILTERS,
      gpuModels: ['H100 SXM'],
      maxPrice: 2.5,
      countries: ['US'],
    }
    const list = withSaved([], '  Cheap H100  ', filters)
    expect(list).toEqual([{ name: 'Cheap H100', query: 'gpu=H100+SXM&price=2.5&country=US' }])
    const [saved] = list
    if (!saved) throw new Error('nothing saved')
    expect(filtersOf(saved)).toEqual(filters)
  })

  it('replaces a search saved under the same name and ignores blank names', () => {
    const first = withSaved([], 'a', DEFAULT_FILTERS)
    const second = withSaved(first, 'a', { ...DEFAULT_FILTERS, numGpus: 8 })
    expect(second).toHaveLength(1)
    expect(second[0]?.query).toBe('gpus=8')
    expect(withSaved(second, '   ', DEFAULT_FILTERS)).toBe(second)
  })

  it('reads nothing from missing or corrupt storage', () => {
    expect(readSavedSearches()).toEqual([])
    localStorage.setItem('vast-console.saved-searches.v1', '{oops')
    expect(readSavedSearches()).toEqual([])
    localStorage.setItem(
      'vast-console.saved-searches.v1',
      JSON.stringify([{ name: 1 }, { name: 'x', query: '' }]),
    )
    expect(readSavedSearches()).toEqual([{ name: 'x', query: '' }])
  })
})
