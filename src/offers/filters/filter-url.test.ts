import { describe, expect, it } from 'vitest'
import { DEFAULT_FILTERS } from './offer-filters'
import { parseOfferFilters, sameFilters, serializeOfferFilters } from './filter-url'
import { parse, EVERYTHING } from '../../test/offer-filters'

describe('parseOfferFilters', () => {
  it('gives the defaults for an empty query string', () => {
    expect(parse('')).toEqual(DEFAULT_FILTERS)
    expect(DEFAULT_FILTERS).toMatchObject({
      verified: true,
      sort: 'score-desc',
      type: 'on-demand',
      limit: 100,
    })
  })

  it('does not offer Reserved: renting it makes an on-demand instance, the discount needs a prepay', () => {
    expect(parse('type=reserved').type).toBe('on-demand')
    expect(parse('type=bid').type).toBe('bid')
  })

  it('reads every filter', () => {
    expect(
      parse(
        'gpu=RTX+4090&gpu=H100+SXM&gpus=2&vram=24&cc=8.6&cuda=12.4&cpu=16&ram=64&disk=200' +
          '&diskbw=1500&up=500&down=800&verified=0&dc=1&staticip=1&direct=1&rel=98.5' +
          '&price=1.25&type=bid&country=US,CA&countrymode=exclude&days=7&sort=price-asc&limit=5000',
      ),
    ).toEqual(EVERYTHING)
  })

  it('falls back to the default for each invalid value', () => {
    expect(
      parse(
        'verified=maybe&gpus=3&direct=yes&sort=cheapest&type=spot&limit=10000&vram=-1' +
          '&price=abc&rel=101&country=USA&days=1e3&cc=',
      ),
    ).toEqual(DEFAULT_FILTERS)
    expect(parse('gpus=-1&limit=1e3')).toEqual(DEFAULT_FILTERS)
    expect(parse('gpus=2.5&limit=abc')).toEqual(DEFAULT_FILTERS)
    expect(parse(`gpu=${'A'.repeat(65)}`).gpuModels).toEqual([])
    expect(parse('gpu=%3Cscript%3E').gpuModels).toEqual([])
  })

  it('keeps valid values next to invalid ones', () => {
    expect(parse('gpus=4&limit=7&price=0.5&country=us,XYZ')).toEqual({
      ...DEFAULT_FILTERS,
      numGpus: 4,
      maxPrice: 0.5,
      countries: ['US'],
    })
  })

  it('writes GPU names with spaces, never underscores, and once each', () => {
    expect(parse('gpu=RTX_4090').gpuModels).toEqual(['RTX 4090'])
    expect(parse('gpu=%20%20H100%20%20SXM%20&gpu=H100_SXM').gpuModels).toEqual(['H100 SXM'])
  })
})

describe('serializeOfferFilters', () => {
  it('leaves defaults out of the URL', () => {
    expect(serializeOfferFilters(DEFAULT_FILTERS).toString()).toBe('')
  })

  it('round-trips every filter', () => {
    expect(parseOfferFilters(serializeOfferFilters(EVERYTHING))).toEqual(EVERYTHING)
  })

  it('writes the typed GPU model too, so a reload finds it as a chosen model', () => {
    const params = serializeOfferFilters({
      ...DEFAULT_FILTERS,
      gpuModels: ['L4'],
      gpuDraft: 'L40S',
    })
    expect(params.getAll('gpu')).toEqual(['L4', 'L40S'])
    expect(parseOfferFilters(params).gpuModels).toEqual(['L4', 'L40S'])
  })

  it('keeps other parameters such as tab, and replaces stale filter values', () => {
    const base = new URLSearchParams('tab=offers&gpu=A100+PCIE&gpus=4&price=9&foo=bar')
    const params = serializeOfferFilters({ ...DEFAULT_FILTERS, gpuModels: ['L40S'] }, base)
    expect(params.get('tab')).toBe('offers')
    expect(params.get('foo')).toBe('bar')
    expect(params.getAll('gpu')).toEqual(['L40S'])
    expect(params.has('gpus')).toBe(false)
    expect(params.has('price')).toBe(false)
    // The base is not modified.
    expect(base.get('gpu')).toBe('A100 PCIE')
  })
})

describe('sameFilters', () => {
  it('compares the search, so a typed model and the same model as a chip are equal', () => {
    expect(sameFilters(DEFAULT_FILTERS, { ...DEFAULT_FILTERS })).toBe(true)
    expect(sameFilters(DEFAULT_FILTERS, { ...DEFAULT_FILTERS, limit: 200 })).toBe(false)
    expect(
      sameFilters(
        { ...DEFAULT_FILTERS, gpuDraft: 'L4' },
        { ...DEFAULT_FILTERS, gpuModels: ['L4'] },
      ),
    ).toBe(true)
  })
})
