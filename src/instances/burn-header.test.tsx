import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { submitApiKey } from '../api/api-key-store'
import { createWorld, simulate } from '../simulator/model'
import { renderWithClient } from '../test/render'
import { BurnHeader } from './burn-header'

const WAIT = { timeout: 5_000 }

function renderWith(fields: 'both' | 'credit' | 'balance') {
  const world = createWorld({ credit: 42.5, rateLimits: false })
  simulate(world, { accountFields: fields })
  submitApiKey(world.key, false)
  renderWithClient(<BurnHeader instances={[]} />)
}

describe('BurnHeader money figure', () => {
  it('reads an account that sends only `balance` (as Vast documents it) and says so', async () => {
    renderWith('balance')
    expect(await screen.findByText('$42.50', {}, WAIT)).toBeVisible()
    expect(screen.getByText(/Vast's balance field/)).toBeVisible()
  })

  it('uses `credit` when Vast sends both, and says so', async () => {
    renderWith('both')
    expect(await screen.findByText('$42.50', {}, WAIT)).toBeVisible()
    expect(screen.getByText(/Vast's credit field/)).toBeVisible()
  })
})
