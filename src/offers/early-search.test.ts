import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { marketWorld, TEST_KEY } from '../simulator/world'
import { DEFAULT_FILTERS } from './filters/offer-filters'
import { offerSearchKey, startEarlySearch, type OfferSearch } from './offer-search'

describe('startEarlySearch', () => {
  it('searches with the key being checked, and an adopted answer fills the search cache', async () => {
    marketWorld()
    const early = startEarlySearch(TEST_KEY, DEFAULT_FILTERS)
    const client = new QueryClient()
    early.adopt(client)
    await expect
      .poll(() => client.getQueryData<OfferSearch>(offerSearchKey(DEFAULT_FILTERS))?.offers.length)
      .toBeGreaterThan(0)
  })
})
