// Vast's search can return rows that break the filters it was sent: each one is flagged.
import { screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { submitApiKey } from '../api/api-key-store'
import { simulate, TEST_KEY } from '../simulator/model'
import { formatPercent } from '../domain/format'
import { DEFAULT_FILTERS } from './filters/offer-filters'
import { SLOW, world, renderPage, table } from '../test/offers-page'

beforeEach(() => {
  window.history.replaceState(null, '', '/?rel=99')
  submitApiKey(TEST_KEY, false)
  simulate(world(), { leakyFilters: ['reliability'], reliability2: 'differs' })
})
afterEach(() => simulate(world(), { leakyFilters: [], reliability2: 'same' }))

describe('OffersPage: rows that break an active filter', () => {
  it('shows the filtered field (reliability, not reliability2) and flags each breaking row with the reason', async () => {
    const { loaded } = renderPage()
    await table()
    const offers = loaded({ ...DEFAULT_FILTERS, minReliability: 99 }).offers
    const breaking = offers.filter((o) => (o.reliability ?? 1) < 0.99)
    expect(breaking.length).toBeGreaterThan(0)
    const first = breaking[0]
    if (!first) throw new Error('no breaking row')
    expect(first.reliability2).not.toBe(first.reliability)
    const notice = await screen.findByRole('region', { name: /break your filters/ }, SLOW)
    expect(notice).toHaveTextContent(
      `${breaking.length === 1 ? '1 row' : `${breaking.length} rows`} Vast returned break your filters`,
    )
    const item = within(notice).getByText(new RegExp(`offer ${first.id}\\b`))
    expect(item).toHaveTextContent(
      `reliability ≥ 99% (row: ${formatPercent(first.reliability ?? 0)})`,
    )
  })
})
